// concur-race: no
// trap: single resets the shared total and its implicit barrier holds every thread back until the reset is done, before the loop's reduction adds into it
// tsan: check
#include <stdio.h>

int main(void) {
  long total = 5;
  long weights[1000];
  for (int i = 0; i < 1000; ++i)
    weights[i] = i % 9;
#pragma omp parallel num_threads(4) shared(total)
  {
#pragma omp single
    total = 0;
#pragma omp for reduction(+ : total)
    for (int i = 0; i < 1000; ++i)
      total += weights[i];
#pragma omp master
    printf("%ld\n", total);
  }
  return 0;
}
