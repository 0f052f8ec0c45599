// concur-race: yes
// race-on: x
// trap: depend clauses name a different variable from the one written
// tsan: check
#include <omp.h>
#include <sched.h>
#include <stdio.h>

int x = 0, y = 0, z = 0;
int started[2];

/* Test scaffolding: each task waits (at most 2 s) until the other one has
   started too, so the two tasks run on different threads, as they may in any
   real run, and TSan sees both sides. */
static void meet(int me) {
  __atomic_store_n(&started[me], 1, __ATOMIC_RELAXED);
  double until = omp_get_wtime() + 2.0;
  while (!__atomic_load_n(&started[1 - me], __ATOMIC_RELAXED) &&
         omp_get_wtime() < until)
    sched_yield();
}

int main(void) {
#pragma omp parallel num_threads(4)
#pragma omp single
  {
#pragma omp task depend(out : y)
    {
      meet(0);
      x = 1; // RACE
      y = 1;
    }
#pragma omp task depend(in : z)
    {
      meet(1);
      z = x + 1; // RACE
    }
#pragma omp taskwait
  }
  printf("%d\n", y);
  return 0;
}
