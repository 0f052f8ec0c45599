// concur-race: no
// trap: a[idx[i]] where idx is a permutation (no two iterations share a slot)
// tsan: check
#include <stdio.h>

#define N 64

int main(void) {
  int idx[N];
  double x[N] = {0};
  for (int i = 0; i < N; ++i)
    idx[i] = (i * 5) % N; // 5 is coprime with 64: a permutation
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    x[idx[i]] += i;
  double s = 0;
  for (int i = 0; i < N; ++i)
    s += x[i] * i;
  printf("%.0f\n", s);
  return 0;
}
