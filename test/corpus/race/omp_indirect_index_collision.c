// concur-race: yes
// race-on: x
// trap: a[idx[i]] where idx maps iterations of different threads to the same slot
// tsan: check
#include <stdio.h>

#define N 64

int main(void) {
  int idx[N];
  double x[N / 2] = {0};
  for (int i = 0; i < N; ++i)
    idx[i] = i % (N / 2); // i and i + N/2 collide
#pragma omp parallel for schedule(static)
  for (int i = 0; i < N; ++i)
    x[idx[i]] += 1.0; // RACE
  printf("%.0f\n", x[0] > 0 ? 1.0 : 0.0);
  return 0;
}
