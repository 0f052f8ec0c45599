// concur-race: no
// trap: an if(0) task that depends on a producer makes its creator wait for that producer only
// tsan: check
#include <stdio.h>

static long slow_sum(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += i % 7;
  return s;
}

int main(void) {
  long first = 0, second = 0, early = 0, late = 0;
#pragma omp parallel num_threads(4)
#pragma omp single
  {
#pragma omp task depend(out : first) shared(first)
    first = slow_sum(200000);
#pragma omp task depend(out : second) shared(second)
    second = slow_sum(300000);
#pragma omp task depend(in : first) if (0)
    {
    }
    early = first; // the if(0) task waited for the producer of `first`
#pragma omp taskwait
    late = second;
  }
  printf("%ld %ld\n", early, late);
  return 0;
}
