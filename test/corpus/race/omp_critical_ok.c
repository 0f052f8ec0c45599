// concur-race: no
// trap: every update of the shared variable inside one critical section
// tsan: check
#include <stdio.h>

#define N 1000

int main(void) {
  int data[N];
  int hist[4] = {0, 0, 0, 0};
  for (int i = 0; i < N; ++i)
    data[i] = (i * 7) % 13;
#pragma omp parallel for
  for (int i = 0; i < N; ++i) {
#pragma omp critical
    hist[data[i] % 4]++;
  }
  printf("%d %d %d %d\n", hist[0], hist[1], hist[2], hist[3]);
  return 0;
}
