// concur-race: no
// trap: OpenMP 5.1 masked construct followed by a barrier
// tsan: check
#include <stdio.h>

int main(void) {
  int config[4] = {0, 0, 0, 0};
  long total = 0;
#pragma omp parallel num_threads(4) reduction(+ : total)
  {
#pragma omp masked
    {
      for (int i = 0; i < 4; ++i)
        config[i] = i + 1;
    }
#pragma omp barrier
    total += config[0] + config[3];
  }
  printf("%ld\n", total % 5);
  return 0;
}
