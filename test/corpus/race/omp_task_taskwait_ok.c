// concur-race: no
// trap: task result read after taskwait
// tsan: check
#include <stdio.h>

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void) {
  int result = 0;
  int copy = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task shared(result)
    result = fib(15);
#pragma omp taskwait
    copy = result;
  }
  printf("%d\n", copy);
  return 0;
}
