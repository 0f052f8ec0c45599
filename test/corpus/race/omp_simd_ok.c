// concur-race: no
// trap: omp simd (vector lanes, no threads) with a simd reduction
// tsan: check
#include <stdio.h>

#define N 1024

int main(void) {
  float a[N], b[N];
  float dot = 0.0f;
  for (int i = 0; i < N; ++i) {
    a[i] = (float)(i % 7);
    b[i] = 0.5f;
  }
#pragma omp simd reduction(+ : dot)
  for (int i = 0; i < N; ++i)
    dot += a[i] * b[i];
#pragma omp parallel for simd
  for (int i = 0; i < N; ++i)
    a[i] = a[i] * 2.0f + b[i];
  printf("%.1f %.1f\n", dot, a[N - 1]);
  return 0;
}
