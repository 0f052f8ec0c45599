// concur-race: yes
// race-on: scale
// trap: firstprivate applied to the wrong variable; the one written stays shared
// tsan: check
#include <stdio.h>

#define N 128

int main(void) {
  double v[N];
  double base = 1.5;
  double scale = 0.0;
#pragma omp parallel for firstprivate(base)
  for (int i = 0; i < N; ++i) {
    scale = base * i; // RACE
    v[i] = scale; // RACE
  }
  printf("%.1f\n", base);
  return 0;
}
