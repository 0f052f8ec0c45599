// concur-race: yes
// race-on: total
// trap: a section raises a flag with an OpenMP atomic write that has no memory order (relaxed), which publishes nothing
// tsan: check
#include <stdio.h>

int main(void) {
  long total = 0;
  int done = 0;
#pragma omp parallel sections num_threads(2) shared(total, done)
  {
#pragma omp section
    {
      for (long i = 1; i <= 5000; ++i)
        total += i; // RACE
#pragma omp atomic write
      done = 1;
    }
#pragma omp section
    {
      int seen = 0;
      while (!seen) {
#pragma omp atomic read
        seen = done;
      }
      printf("%ld\n", total); // RACE
    }
  }
  return 0;
}
