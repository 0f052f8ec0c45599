// concur-race: no
// trap: an outer serial loop over rows around a parallel loop over columns; each row is computed from the previous row's neighbours, never from its own
// tsan: check
#include <stdio.h>

#define ROWS 64
#define COLS 256

static double heat[ROWS][COLS];

int main(void) {
  for (int c = 0; c < COLS; ++c)
    heat[0][c] = (c % 13) * 1.0;
  for (int r = 1; r < ROWS; ++r) {
#pragma omp parallel for num_threads(4)
    for (int c = 1; c < COLS - 1; ++c)
      heat[r][c] = 0.25 * heat[r - 1][c - 1] + 0.5 * heat[r - 1][c] + 0.25 * heat[r - 1][c + 1];
  }
  printf("%f\n", heat[ROWS - 1][COLS / 2]);
  return 0;
}
