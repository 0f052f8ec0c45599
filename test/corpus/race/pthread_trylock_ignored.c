// concur-race: yes
// race-on: queued
// trap: pthread_mutex_trylock result ignored
// tsan: check
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int queued = 0;

static void *enqueue(void *arg) {
  (void)arg;
  int rc = pthread_mutex_trylock(&mu); // busy: main holds it
  queued++; // RACE
  if (rc == 0)
    pthread_mutex_unlock(&mu);
  return NULL;
}

int main(void) {
  pthread_mutex_lock(&mu);
  pthread_t t;
  pthread_create(&t, NULL, enqueue, NULL);
  queued += 5; // RACE
  pthread_join(t, NULL);
  pthread_mutex_unlock(&mu);
  printf("%d\n", queued > 0);
  return 0;
}
