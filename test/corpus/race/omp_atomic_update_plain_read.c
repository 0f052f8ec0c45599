// concur-race: yes
// race-on: done
// trap: atomic update on one side, plain read on the other
// tsan: check
#include <stdio.h>

int main(void) {
  int done = 0;
  int peek = 0;
#pragma omp parallel num_threads(4) reduction(max : peek)
  {
#pragma omp atomic
    done++;
    if (done > peek) // RACE
      peek = done; // RACE
  }
  printf("%d\n", peek > 0);
  return 0;
}
