// concur-race: no
// trap: firstprivate copy modified inside each thread
// tsan: check
#include <omp.h>
#include <stdio.h>

int main(void) {
  int offset = 100;
  int out[64] = {0};
#pragma omp parallel firstprivate(offset) num_threads(4)
  {
    offset += omp_get_thread_num();
#pragma omp for
    for (int i = 0; i < 64; ++i)
      out[i] = i + (offset >= 100);
  }
  long s = 0;
  for (int i = 0; i < 64; ++i)
    s += out[i];
  printf("%d %ld\n", offset, s);
  return 0;
}
