// concur-race: yes
// race-on: b
// trap: nowait removes the barrier between a producer loop and a consumer loop
// tsan: check
#include <stdio.h>

#define N 400

int main(void) {
  int b[N], c[N];
#pragma omp parallel
  {
#pragma omp for nowait
    for (int i = 0; i < N; ++i)
      b[i] = i * 2; // RACE
#pragma omp for
    for (int i = 0; i < N; ++i)
      c[i] = b[N - 1 - i]; // RACE
  }
  printf("%d\n", c[0] >= 0);
  return 0;
}
