// concur-race: no
// trap: C11 _Thread_local counter
// tsan: check
#include <pthread.h>
#include <stdio.h>

static _Thread_local int calls = 0;
static long totals[2];

static void traced(void) { calls++; }

static void *worker(void *arg) {
  long id = (long)arg;
  for (int i = 0; i < 50 + id; ++i)
    traced();
  totals[id] = calls;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, worker, (void *)0L);
  pthread_create(&b, NULL, worker, (void *)1L);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld %ld %d\n", totals[0], totals[1], calls);
  return 0;
}
