// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11 -fopenmp
#include <stdlib.h>
int grid[64][64];
int tally[64];
int row; // a global that serves as a loop counter

static void bump(int *slot) { *slot += 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: data race on 'slot': write by the threads of the 'omp parallel' region in 'shared_by_address' conflicts with a write by another thread of the team
// CHECK-MESSAGES: :[[@LINE+19]]:1: note: the 'omp parallel' region starts here
// CHECK-MESSAGES: :[[@LINE+19]]:3: note: 'shared_by_address' calls 'bump'
// CHECK-MESSAGES: :[[@LINE-4]]:31: note: conflicting write of 'slot' by another thread of the team

// A static local declared in the region is one object for every thread.
void static_local_in_region(int n) {
#pragma omp parallel
  {
    static int scratch;
#pragma omp for
    for (int i = 0; i < n; i++)
      scratch = tally[i];
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'scratch': write by the threads of the 'omp parallel' region in 'static_local_in_region' conflicts with a write by another thread of the team
  }
}

// A shared variable passed by address: every thread updates the same one.
void shared_by_address(void) {
  int total = 0;
#pragma omp parallel
  bump(&total);
}

// Race-free: the counter of a worksharing loop is private, a global one too.
void global_counter(void) {
#pragma omp parallel for
  for (row = 0; row < 64; row++)
    tally[row] += 1;
}

// Race-free: ordered(2) associates both loops, so both counters are private.
void ordered_two_loops(void) {
  int r, c;
#pragma omp parallel for ordered(2)
  for (r = 0; r < 64; r++)
    for (c = 0; c < 64; c++)
      grid[r][c] = r + c;
}

// Race-free: each thread passes its own private variable.
void private_by_address(void) {
  int mine;
#pragma omp parallel private(mine)
  {
    mine = 0;
    bump(&mine);
  }
}

// An array passed where a pointer is expected is the array itself: both sections update it.
typedef struct {
  int hits, misses;
} counts;
static void count_hit(counts *c) { c->hits += 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: data race on 'c->hits': write by the threads of the 'omp parallel sections' region in 'array_by_decay' conflicts with a write by another thread of the team
// CHECK-MESSAGES: :[[@LINE+8]]:5: note: 'array_by_decay' calls 'count_hit'
// CHECK-MESSAGES: :[[@LINE-3]]:36: note: conflicting write of 'c->hits' by another thread of the team
// CHECK-MESSAGES: :[[@LINE+8]]:5: note: 'array_by_decay' calls 'count_hit'
void array_by_decay(void) {
  counts per_run[1] = {{0, 0}};
#pragma omp parallel sections
  {
#pragma omp section
    count_hit(per_run);
#pragma omp section
    count_hit(per_run);
  }
}

// A pointer set before the region and left alone in it points to one buffer for the whole
// team: the loop reads the element the previous iteration writes.
void heap_shift(int n) {
  double *buf;
  buf = (double *)malloc(sizeof(double) * n);
#pragma omp parallel for
  for (int i = 1; i < n; ++i)
    buf[i] = buf[i - 1] + 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'buf[i]': write by the threads of the 'omp parallel for' region in 'heap_shift' conflicts with a read by another thread of the team
  // CHECK-MESSAGES: :[[@LINE-2]]:14: note: conflicting read of 'buf[i - 1]' by another thread of the team
  free(buf);
}

// Race-free: each iteration its own element of the team's buffer; a pointer each thread
// points elsewhere inside the region is not the team's.
void heap_own_elements(int n) {
  double *buf = (double *)malloc(sizeof(double) * n);
  double *cursor = buf;
#pragma omp parallel for firstprivate(cursor)
  for (int i = 0; i < n; ++i) {
    buf[i] = i;
    cursor = buf + i;
    *cursor += 1.0;
  }
  free(buf);
}

// A reduction inside a region adds each thread's part into the team's variable at the loop's
// end: master's reset, with no barrier after it, may come after another thread's part.
void reset_by_master(const int *w, int n) {
  int sum = 0;
#pragma omp parallel
  {
#pragma omp master
    sum = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'sum': write by the threads of the 'omp parallel' region in 'reset_by_master' conflicts with a write by another thread of the team
#pragma omp for reduction(+ : sum)
    // CHECK-MESSAGES: :[[@LINE-1]]:31: note: conflicting write of 'sum' by another thread of the team
    for (int i = 0; i < n; ++i)
      sum += w[i];
  }
  tally[0] = sum;
}

// Race-free: single's barrier orders the reset, the loop's barrier the read.
void reset_by_single(const int *w, int n) {
  int sum = 0;
#pragma omp parallel
  {
#pragma omp single
    sum = 0;
#pragma omp for reduction(+ : sum)
    for (int i = 0; i < n; ++i)
      sum += w[i];
#pragma omp master
    tally[1] = sum;
  }
}
