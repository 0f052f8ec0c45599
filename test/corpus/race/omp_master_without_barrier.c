// concur-race: yes
// race-on: init_value
// trap: master has no implied barrier, other threads read too early
// tsan: check
#include <stdio.h>

int main(void) {
  int init_value = 0;
  int sum = 0;
#pragma omp parallel reduction(+ : sum)
  {
#pragma omp master
    init_value = 10; // RACE
    sum += init_value; // RACE
  }
  printf("%d\n", sum >= 0);
  return 0;
}
