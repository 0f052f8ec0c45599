// concur-race: no
// trap: taskgroup waits for the tasks before the result is read
// tsan: check
#include <stdio.h>

int main(void) {
  int parts[4] = {0, 0, 0, 0};
  int total = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskgroup
    {
      for (int k = 0; k < 4; ++k) {
#pragma omp task firstprivate(k) shared(parts)
        parts[k] = (k + 1) * 10;
      }
    }
    total = parts[0] + parts[1] + parts[2] + parts[3];
  }
  printf("%d\n", total);
  return 0;
}
