// concur-race: yes
// race-on: sum
// trap: sum += a[i] on a shared scalar, reduction clause missing
// tsan: check
#include <stdio.h>

#define N 1000

int main(void) {
  int a[N];
  long sum = 0;
  for (int i = 0; i < N; ++i)
    a[i] = i;
#pragma omp parallel for shared(sum)
  for (int i = 0; i < N; ++i)
    sum += a[i]; // RACE
  printf("%d\n", sum > 0);
  return 0;
}
