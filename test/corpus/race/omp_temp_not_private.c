// concur-race: yes
// race-on: tmp
// trap: temporary declared outside the loop is shared (private clause missing)
// tsan: check
#include <stdio.h>

#define N 256

int main(void) {
  int a[N], b[N];
  int tmp;
  for (int i = 0; i < N; ++i)
    a[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; ++i) {
    tmp = a[i] * 2; // RACE
    b[i] = tmp + 1; // RACE
  }
  printf("%d\n", b[1] > 0);
  return 0;
}
