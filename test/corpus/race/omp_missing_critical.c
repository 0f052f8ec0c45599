// concur-race: yes
// race-on: hist
// trap: histogram bins updated without critical/atomic
// tsan: check
#include <stdio.h>

#define N 1000

int main(void) {
  int data[N];
  int hist[4] = {0, 0, 0, 0};
  for (int i = 0; i < N; ++i)
    data[i] = (i * 7) % 13;
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    hist[data[i] % 4]++; // RACE
  printf("%d\n", hist[0] >= 0);
  return 0;
}
