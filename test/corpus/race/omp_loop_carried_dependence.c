// concur-race: yes
// race-on: a
// trap: parallel for with a[i+1] = a[i] (loop-carried dependence)
// tsan: check
#include <stdio.h>

#define N 1000
int a[N + 1];

int main(void) {
  for (int i = 0; i <= N; ++i)
    a[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    a[i + 1] = a[i] + 1; // RACE
  printf("%d\n", a[0]);
  return 0;
}
