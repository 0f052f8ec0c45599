// concur-race: yes
// race-on: status
// trap: two sections write the same variable
// tsan: check
#include <stdio.h>

int main(void) {
  int status = 0;
#pragma omp parallel sections num_threads(2)
  {
#pragma omp section
    status = 1; // RACE
#pragma omp section
    status = 2; // RACE
  }
  printf("%d\n", status > 0);
  return 0;
}
