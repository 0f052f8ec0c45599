// concur-race: yes
// race-on: who
// trap: shared scalar written by every thread of a parallel region
// tsan: check
#include <omp.h>
#include <stdio.h>

int main(void) {
  int who = -1;
#pragma omp parallel
  {
    who = omp_get_thread_num(); // RACE
  }
  printf("%d\n", who >= 0);
  return 0;
}
