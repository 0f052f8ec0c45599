// concur-race: no
// trap: atomic capture hands out unique slots in a shared array
// tsan: check
#include <stdio.h>

#define N 128

int main(void) {
  int next = 0;
  int out[N];
#pragma omp parallel for
  for (int i = 0; i < N; ++i) {
    int slot;
#pragma omp atomic capture
    slot = next++;
    out[slot] = 1;
  }
  int s = 0;
  for (int i = 0; i < N; ++i)
    s += out[i];
  printf("%d %d\n", next, s);
  return 0;
}
