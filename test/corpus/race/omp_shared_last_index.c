// concur-race: yes
// race-on: last
// trap: shared variable meant to be lastprivate
// tsan: check
#include <stdio.h>

#define N 100

int main(void) {
  int last = -1;
  double a[N];
#pragma omp parallel for
  for (int i = 0; i < N; ++i) {
    a[i] = i * 0.5;
    last = i; // RACE
  }
  printf("%d\n", last >= 0);
  return 0;
}
