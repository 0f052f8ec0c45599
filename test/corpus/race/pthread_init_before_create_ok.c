// concur-race: no
// trap: global configuration written before pthread_create, read-only afterwards
// tsan: check
#include <pthread.h>
#include <stdio.h>

int mode = 0;
int weights[8];
long partial[2];

static void *reader(void *arg) {
  long id = (long)arg;
  long s = 0;
  for (int i = 0; i < 8; ++i)
    s += weights[i] * mode;
  partial[id] = s + id;
  return NULL;
}

int main(void) {
  mode = 3;
  for (int i = 0; i < 8; ++i)
    weights[i] = i + 1;
  pthread_t a, b;
  pthread_create(&a, NULL, reader, (void *)0L);
  pthread_create(&b, NULL, reader, (void *)1L);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld %ld\n", partial[0], partial[1]);
  return 0;
}
