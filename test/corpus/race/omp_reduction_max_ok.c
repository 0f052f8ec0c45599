// concur-race: no
// trap: reduction(min:) and reduction(max:) for a running extreme
// tsan: check
#include <stdio.h>

#define N 500

int main(void) {
  int v[N];
  for (int i = 0; i < N; ++i)
    v[i] = (i * 37) % 101;
  int best = 1000, worst = -1;
#pragma omp parallel for reduction(min : best) reduction(max : worst)
  for (int i = 0; i < N; ++i) {
    if (v[i] < best)
      best = v[i];
    if (v[i] > worst)
      worst = v[i];
  }
  printf("%d %d\n", best, worst);
  return 0;
}
