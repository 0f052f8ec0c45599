// concur-race: yes
// race-on: j
// trap: inner loop index declared outside the parallel for is shared
// tsan: check
#include <stdio.h>

#define N 40
#define M 40
double m[N][M];

int main(void) {
  int i, j;
#pragma omp parallel for
  for (i = 0; i < N; i++)
    for (j = 0; j < M; j++) // RACE
      m[i][j] = i + j;
  printf("%.0f\n", m[0][0]);
  return 0;
}
