// concur-race: no
// trap: depend(out:x) then depend(in:x) orders the two tasks
// tsan: check
#include <stdio.h>

int main(void) {
  int x = 0, y = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task depend(out : x) shared(x)
    x = 41;
#pragma omp task depend(in : x) shared(x, y)
    y = x + 1;
#pragma omp taskwait
  }
  printf("%d %d\n", x, y);
  return 0;
}
