// concur-race: no
// trap: one task per element created in a loop, results read after the region's barrier
// tsan: skip-openmp-racefree
#include <stdio.h>

#define N 200

int main(void) {
  int b[N];
#pragma omp parallel
  {
#pragma omp single
    {
      for (int i = 0; i < N; ++i) {
#pragma omp task firstprivate(i) shared(b)
        b[i] = i * 2;
      }
    }
  }
  long s = 0;
  for (int i = 0; i < N; ++i)
    s += (long)b[i] * (i + 1);
  printf("%ld\n", s);
  return 0;
}
