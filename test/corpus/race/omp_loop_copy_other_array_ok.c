// concur-race: no
// trap: a[i+1] = b[i] writes a different array than it reads (no loop-carried dependence)
// tsan: check
#include <stdio.h>

#define N 1000
int a[N + 1], b[N];

int main(void) {
  for (int i = 0; i < N; ++i)
    b[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    a[i + 1] = b[i] + 1;
  long s = 0;
  for (int i = 0; i <= N; ++i)
    s += a[i];
  printf("%ld\n", s);
  return 0;
}
