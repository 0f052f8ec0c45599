// concur-race: no
// trap: threadprivate global counter
// tsan: check
#include <stdio.h>

int calls = 0;
#pragma omp threadprivate(calls)

int main(void) {
  int total = 0;
#pragma omp parallel reduction(+ : total)
  {
#pragma omp for
    for (int i = 0; i < 100; ++i)
      calls++;
    total += calls;
  }
  printf("%d\n", total);
  return 0;
}
