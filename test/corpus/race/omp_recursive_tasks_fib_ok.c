// concur-race: no
// trap: recursive tasks, each parent reads its children's results after taskwait
// tsan: check
#include <stdio.h>

static long fib(int n) {
  if (n < 2)
    return n;
  long x = 0, y = 0;
#pragma omp task shared(x) firstprivate(n)
  x = fib(n - 1);
#pragma omp task shared(y) firstprivate(n)
  y = fib(n - 2);
#pragma omp taskwait
  return x + y;
}

int main(void) {
  long r = 0;
#pragma omp parallel
#pragma omp single
  r = fib(18);
  printf("%ld\n", r);
  return 0;
}
