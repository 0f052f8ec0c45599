// concur-race: yes
// race-on: best
// trap: check-then-update of a shared minimum inside parallel for
// tsan: check
#include <stdio.h>

#define N 500

int main(void) {
  int v[N];
  for (int i = 0; i < N; ++i)
    v[i] = (i * 37) % 101;
  int best = 1000;
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    if (v[i] < best) // RACE
      best = v[i]; // RACE
  printf("%d\n", best <= 1000);
  return 0;
}
