// concur-race: no
// trap: master writes, explicit barrier before the other threads read
// tsan: check
#include <stdio.h>

int main(void) {
  int init_value = 0;
  int sum = 0;
#pragma omp parallel num_threads(4) reduction(+ : sum)
  {
#pragma omp master
    init_value = 10;
#pragma omp barrier
    sum += init_value;
  }
  printf("%d\n", sum % 10);
  return 0;
}
