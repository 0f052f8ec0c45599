// concur-race: no
// trap: nowait between two loops with identical static schedules touching the same index
// tsan: check
#include <stdio.h>

#define N 400

int main(void) {
  int b[N], c[N];
#pragma omp parallel
  {
#pragma omp for schedule(static) nowait
    for (int i = 0; i < N; ++i)
      b[i] = i * 2;
#pragma omp for schedule(static)
    for (int i = 0; i < N; ++i)
      c[i] = b[i] + 1;
  }
  long s = 0;
  for (int i = 0; i < N; ++i)
    s += c[i];
  printf("%ld\n", s);
  return 0;
}
