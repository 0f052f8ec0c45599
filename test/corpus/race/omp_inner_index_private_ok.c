// concur-race: no
// trap: inner loop index declared inside the loop (private per thread)
// tsan: check
#include <stdio.h>

#define N 40
#define M 40
double m[N][M];

int main(void) {
#pragma omp parallel for
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++)
      m[i][j] = i + j;
  double s = 0;
  for (int i = 0; i < N; i++)
    s += m[i][M - 1];
  printf("%.0f\n", s);
  return 0;
}
