// concur-race: no
// trap: linear(j:2) clause gives every iteration its own j
// tsan: check
#include <stdio.h>

#define N 100

int main(void) {
  int a[2 * N];
  int j = 0;
#pragma omp parallel for linear(j : 2)
  for (int i = 0; i < N; ++i) {
    a[j] = i;
    a[j + 1] = -i;
    j += 2;
  }
  long s = 0;
  for (int i = 0; i < 2 * N; i += 2)
    s += a[i];
  printf("%d %ld\n", j, s);
  return 0;
}
