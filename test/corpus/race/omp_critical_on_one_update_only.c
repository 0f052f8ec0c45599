// concur-race: yes
// race-on: count
// trap: critical protects one update of the variable but not another
// tsan: check
#include <stdio.h>

int main(void) {
  int count = 0;
#pragma omp parallel
  {
#pragma omp critical
    count++; // RACE
    count += 2; // RACE
  }
  printf("%d\n", count > 0);
  return 0;
}
