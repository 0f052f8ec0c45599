// concur-race: no
// trap: a[i] = b[i] in a parallel for (each iteration its own element)
// tsan: check
#include <stdio.h>

#define N 1000

int main(void) {
  double a[N], b[N];
  for (int i = 0; i < N; ++i)
    b[i] = i * 0.25;
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    a[i] = b[i] * 2.0 + 1.0;
  double s = 0;
  for (int i = 0; i < N; ++i)
    s += a[i];
  printf("%.2f\n", s);
  return 0;
}
