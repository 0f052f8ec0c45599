// concur-race: yes
// race-on: result
// trap: taskwait waits for the task its thread made, not for the task that task made
// tsan: check
#include <omp.h>
#include <sched.h>
#include <stdio.h>

int result;
int parent_done, inner_done;

/* Test scaffolding: the inner task waits until the creator has passed its
   taskwait, and the creator then waits until the inner task has written (each
   at most 2 s, relaxed atomics, which order nothing), so another thread runs
   the inner task after the taskwait, as it may in any run. */
static void wait_for(int *flag) {
  double until = omp_get_wtime() + 2.0;
  while (!__atomic_load_n(flag, __ATOMIC_RELAXED) && omp_get_wtime() < until)
    sched_yield();
}

int main(void) {
  int seen = 0;
#pragma omp parallel num_threads(4)
#pragma omp single
  {
#pragma omp task
    {
#pragma omp task
      {
        wait_for(&parent_done);
        result = 7; // RACE
        __atomic_store_n(&inner_done, 1, __ATOMIC_RELAXED);
      }
    }
#pragma omp taskwait
    __atomic_store_n(&parent_done, 1, __ATOMIC_RELAXED);
    seen = result; // RACE
    wait_for(&inner_done);
  }
  printf("%d\n", seen >= 0);
  return 0;
}
