// concur-race: yes
// race-on: total
// trap: master resets the shared total with no barrier after it, while other threads may already be adding their part of the following loop's reduction into it
// tsan: check
#include <stdio.h>

int main(void) {
  long total = 5;
  long weights[1000];
  for (int i = 0; i < 1000; ++i)
    weights[i] = i % 9;
#pragma omp parallel num_threads(4) shared(total)
  {
#pragma omp master
    total = 0; // RACE
#pragma omp for reduction(+ : total)
    for (int i = 0; i < 1000; ++i)
      total += weights[i];
#pragma omp single
    printf("%ld\n", total);
  }
  return 0;
}
