// concur-race: no
// trap: lastprivate(last) instead of a shared write in every iteration
// tsan: check
#include <stdio.h>

#define N 100

int main(void) {
  int last = -1;
  double a[N];
#pragma omp parallel for lastprivate(last)
  for (int i = 0; i < N; ++i) {
    a[i] = i * 0.5;
    last = i;
  }
  printf("%d %.1f\n", last, a[N - 1]);
  return 0;
}
