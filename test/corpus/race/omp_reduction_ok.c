// concur-race: no
// trap: OpenMP reduction(+:sum) instead of a shared accumulator
// tsan: check
#include <stdio.h>

#define N 1000

int main(void) {
  int a[N];
  long sum = 0;
  for (int i = 0; i < N; ++i)
    a[i] = i;
#pragma omp parallel for reduction(+ : sum)
  for (int i = 0; i < N; ++i)
    sum += a[i];
  printf("%ld\n", sum);
  return 0;
}
