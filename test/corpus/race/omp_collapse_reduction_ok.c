// concur-race: no
// trap: collapse(2) with a reduction for the shared accumulator
// tsan: check
#include <stdio.h>

int main(void) {
  double m[16][16];
  double trace = 0.0;
#pragma omp parallel for collapse(2) reduction(+ : trace)
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      m[i][j] = i * 16 + j;
      if (i == j)
        trace += m[i][j];
    }
  printf("%.0f\n", trace);
  return 0;
}
