// concur-race: yes
// race-on: col
// trap: taskloop makes the outer counter private, the inner loop's counter stays shared
// tsan: check
#include <stdio.h>

#define ROWS 64
#define COLS 256

int main(void) {
  static double grid[ROWS][COLS];
  int row, col;
#pragma omp parallel num_threads(4)
#pragma omp single
#pragma omp taskloop grainsize(1)
  for (row = 0; row < ROWS; ++row)
    for (col = 0; col < COLS; ++col) // RACE
      grid[row][col] = row + 0.5 * col;
  double s = 0;
  for (int r = 0; r < ROWS; ++r)
    s += grid[r][COLS - 1];
  printf("%d\n", s > 0);
  return 0;
}
