// concur-race: no
// trap: each thread mallocs and fills its own buffer, hands it back via join
// tsan: check
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *fill(void *arg) {
  int v = (int)(long)arg;
  int *buf = malloc(4 * sizeof *buf);
  for (int i = 0; i < 4; ++i)
    buf[i] = v * 10 + i;
  return buf;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, fill, (void *)1L);
  pthread_create(&b, NULL, fill, (void *)2L);
  void *ra, *rb;
  pthread_join(a, &ra);
  pthread_join(b, &rb);
  int *x = ra, *y = rb;
  printf("%d %d\n", x[3], y[3]);
  free(x);
  free(y);
  return 0;
}
