// concur-race: no
// trap: implicit barrier of omp for (no nowait) between producer and consumer loops
// tsan: check
#include <stdio.h>

#define N 400

int main(void) {
  int b[N], c[N];
#pragma omp parallel
  {
#pragma omp for
    for (int i = 0; i < N; ++i)
      b[i] = i * 2;
#pragma omp for
    for (int i = 0; i < N; ++i)
      c[i] = b[N - 1 - i];
  }
  long s = 0;
  for (int i = 0; i < N; ++i)
    s += c[i] * (i + 1);
  printf("%ld\n", s);
  return 0;
}
