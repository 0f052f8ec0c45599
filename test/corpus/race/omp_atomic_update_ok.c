// concur-race: no
// trap: #pragma omp atomic on every access, reads with atomic read
// tsan: check
#include <stdio.h>

int main(void) {
  int count = 0;
  int peek = 0;
#pragma omp parallel num_threads(4) reduction(max : peek)
  {
    int seen;
#pragma omp atomic
    count += 2;
#pragma omp atomic read
    seen = count;
    if (seen > peek)
      peek = seen;
  }
  printf("%d %d\n", count, peek > 0);
  return 0;
}
