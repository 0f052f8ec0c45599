// concur-race: yes
// race-on: seq
// trap: function-local static counter in C
// tsan: check
#include <pthread.h>
#include <stdio.h>

static int next_id(void) {
  static int seq = 0;
  return ++seq; // RACE
}

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i)
    next_id();
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, worker, NULL);
  pthread_create(&b, NULL, worker, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("ids\n");
  return 0;
}
