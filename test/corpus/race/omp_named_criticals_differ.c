// concur-race: yes
// race-on: stock
// trap: two differently named critical sections guard the same variable
// tsan: check
#include <stdio.h>

int stock = 100;
int arrived[2];

/* Each section stays inside its critical until the other one has also
   entered its own, so the two updates always overlap in time (Archer would
   otherwise order non-overlapping critical sections of different names). */
static void wait_for_other(int me) {
  __atomic_store_n(&arrived[me], 1, __ATOMIC_RELAXED);
  for (long spin = 0; spin < 200000000L; ++spin)
    if (__atomic_load_n(&arrived[1 - me], __ATOMIC_RELAXED))
      return;
}

int main(void) {
#pragma omp parallel sections num_threads(2)
  {
#pragma omp section
    {
#pragma omp critical(add)
      {
        stock += 1; // RACE
        wait_for_other(0);
      }
    }
#pragma omp section
    {
#pragma omp critical(remove)
      {
        stock -= 1; // RACE
        wait_for_other(1);
      }
    }
  }
  printf("%d\n", stock);
  return 0;
}
