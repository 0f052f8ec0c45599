// concur-race: no
// trap: single copyprivate broadcasts a value to every thread's private copy
// tsan: check
#include <stdio.h>

int main(void) {
  int total = 0;
#pragma omp parallel num_threads(4) reduction(+ : total)
  {
    int token;
#pragma omp single copyprivate(token)
    token = 21;
    total += token;
  }
  printf("%d\n", total % 21);
  return 0;
}
