// concur-race: yes
// race-on: stop
// trap: volatile int used as a stop flag between pthreads
// tsan: check
#include <pthread.h>
#include <stdio.h>

volatile int stop = 0;

static void *spinner(void *arg) {
  long *iters = arg;
  while (!stop) // RACE
    (*iters)++;
  return NULL;
}

int main(void) {
  long iters = 0;
  pthread_t t;
  pthread_create(&t, NULL, spinner, &iters);
  stop = 1; // RACE
  pthread_join(t, NULL);
  printf("%d\n", iters >= 0);
  return 0;
}
