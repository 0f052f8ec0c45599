// concur-race: no
// trap: ordered region serialises the shared append
// tsan: check
#include <stdio.h>

#define N 64

int main(void) {
  int out[N];
  int pos = 0;
#pragma omp parallel for ordered schedule(static, 1)
  for (int i = 0; i < N; ++i) {
    int v = i * i;
#pragma omp ordered
    {
      out[pos] = v;
      pos++;
    }
  }
  printf("%d %d %d\n", pos, out[1], out[N - 1]);
  return 0;
}
