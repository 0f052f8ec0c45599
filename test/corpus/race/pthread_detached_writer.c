// concur-race: yes
// race-on: answer
// trap: detached pthread, main waits on a relaxed flag (no happens-before)
// tsan: check
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

int answer = 0;
int finished = 0;

static void *compute(void *arg) {
  (void)arg;
  answer = 42; // RACE
  __atomic_store_n(&finished, 1, __ATOMIC_RELAXED);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, compute, NULL);
  pthread_detach(t);
  while (!__atomic_load_n(&finished, __ATOMIC_RELAXED))
    sched_yield();
  printf("%d\n", answer); // RACE
  return 0;
}
