// concur-race: no
// trap: single initialises a value; its implicit barrier orders the reads
// tsan: check
#include <stdio.h>

int main(void) {
  int seed = 0;
  int total = 0;
#pragma omp parallel num_threads(4) reduction(+ : total)
  {
#pragma omp single
    seed = 17;
    total += seed;
  }
  printf("%d\n", total % 17);
  return 0;
}
