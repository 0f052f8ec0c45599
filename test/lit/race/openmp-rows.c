// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11 -fopenmp
#include <omp.h>
double grid[64][64];

// Race-free: in each region the outer loop's row is one value for the whole team, so row k
// and row k - 1 (or two constant rows) never meet, whatever the columns.
void sweep_rows(void) {
  for (int k = 1; k < 64; ++k) {
#pragma omp parallel for
    for (int j = 1; j < 64; ++j)
      grid[k][j] = grid[k - 1][j - 1] + grid[k - 1][j];
  }
#pragma omp parallel for
  for (int j = 1; j < 64; ++j)
    grid[0][j] = grid[1][j - 1];
}

// The same row: iteration j reads what iteration j - 1 writes.
void along_a_row(int k) {
  int row = k;
#pragma omp parallel for
  for (int j = 1; j < 64; ++j)
    grid[row][j] = grid[row][j - 1] * 0.5;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'grid[row][j]': write by the threads of the 'omp parallel for' region in 'along_a_row' conflicts with a read by another thread of the team
  // CHECK-MESSAGES: :[[@LINE-4]]:1: note: the 'omp parallel for' region starts here
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: conflicting read of 'grid[row][j - 1]'
}

// A row each thread picks for itself is not one row for the team.
void row_per_thread(void) {
#pragma omp parallel
  {
    int r = omp_get_thread_num() % 2 + 1;
    grid[r][1] = grid[r - 1][1] + 1.0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'grid[r][1]': write by the threads of the 'omp parallel' region in 'row_per_thread' conflicts with a read by another thread of the team
    // CHECK-MESSAGES: :[[@LINE-5]]:1: note: the 'omp parallel' region starts here
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: conflicting read of 'grid[r - 1][1]'
    // CHECK-MESSAGES: :[[@LINE-4]]:5: warning: data race on 'grid[r][1]': write by the threads of the 'omp parallel' region in 'row_per_thread' conflicts with a write by another thread of the team
    // CHECK-MESSAGES: :[[@LINE-8]]:1: note: the 'omp parallel' region starts here
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: conflicting write of 'grid[r][1]'
  }
}

// Column j - 1 of row i at j == 0 is the last column of row i - 1, which another iteration
// writes; counting j from 1, or testing j first, keeps it in the row.
void column_before_first(void) {
#pragma omp parallel for
  for (int i = 1; i < 64; ++i)
    for (int j = 0; j < 64; ++j)
      grid[i][j] = grid[i][j - 1];
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'grid[i][j]': write by the threads of the 'omp parallel for' region in 'column_before_first' conflicts with a read by another thread of the team
  // CHECK-MESSAGES: :[[@LINE-5]]:1: note: the 'omp parallel for' region starts here
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: conflicting read of 'grid[i][j - 1]'
}

void column_before_second(void) {
#pragma omp parallel for
  for (int i = 1; i < 64; ++i) {
    for (int j = 1; j < 64; ++j)
      grid[i][j] = grid[i][j - 1];
    for (int j = 0; j < 64; ++j)
      grid[i][j] += j > 0 ? grid[i][j - 1] : 0.0;
  }
}
