// concur-race: yes
// race-on: seed
// trap: single nowait initialises a value the others read immediately
// tsan: check
#include <stdio.h>

int main(void) {
  int seed = 0;
  int total = 0;
#pragma omp parallel reduction(+ : total)
  {
#pragma omp single nowait
    seed = 17; // RACE
    total += seed; // RACE
  }
  printf("%d\n", total >= 0);
  return 0;
}
