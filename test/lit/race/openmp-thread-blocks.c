// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11 -fopenmp
#include <omp.h>
#include <stdio.h>
int team_size, last_seen, stamp;
double weights[256];

// Thread 0 writes while the other threads read: nothing orders them.
void zero_writes_others_read(void) {
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0)
      team_size = omp_get_num_threads();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'team_size': write by the threads of the 'omp parallel' region in 'zero_writes_others_read' conflicts with a read by another thread of the team
    else
      printf("%d\n", team_size);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: note: conflicting read of 'team_size' by another thread of the team
  }
}

// Threads 0 and 1 are different threads.
void two_numbered_threads(void) {
#pragma omp parallel
  {
    int me = omp_get_thread_num();
    if (me == 0)
      stamp = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'stamp': write by the threads of the 'omp parallel' region in 'two_numbered_threads' conflicts with a write by another thread of the team
    if (me == 1)
      stamp = 2;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: conflicting write of 'stamp' by another thread of the team
  }
}

// Race-free: only thread 0 runs these blocks, also inside a worksharing loop, and `master`
// is thread 0 as well.
void only_thread_zero(void) {
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0)
      team_size = omp_get_num_threads();
#pragma omp master
    team_size += 1;
#pragma omp for
    for (int i = 0; i < 256; i++) {
      weights[i] = i * 0.5;
      if (!omp_get_thread_num())
        last_seen = i;
    }
  }
}
