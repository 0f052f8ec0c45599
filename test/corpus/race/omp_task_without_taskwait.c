// concur-race: yes
// race-on: parts
// trap: task results read by the parent without taskwait
// tsan: check
#include <stdio.h>

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void) {
  int parts[8] = {0};
  int sum = 0;
#pragma omp parallel
#pragma omp single
  {
    for (int k = 0; k < 8; ++k) {
#pragma omp task shared(parts) firstprivate(k)
      parts[k] = fib(10 + k); // RACE
    }
    for (int k = 0; k < 8; ++k)
      sum += parts[k]; // RACE
  }
  printf("%d\n", sum >= 0);
  return 0;
}
