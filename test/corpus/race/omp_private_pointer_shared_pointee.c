// concur-race: yes
// race-on: buf
// trap: private(p) privatises the pointer, not the buffer it points to
// tsan: check
#include <stdio.h>

int main(void) {
  int buf[4] = {0, 0, 0, 0};
  int *p = buf;
#pragma omp parallel for private(p)
  for (int i = 0; i < 64; ++i) {
    p = buf;
    p[i % 4] += i; // RACE
  }
  printf("%d\n", buf[0] >= 0);
  return 0;
}
