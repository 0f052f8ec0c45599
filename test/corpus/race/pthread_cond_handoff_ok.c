// concur-race: no
// trap: pthread_cond_wait in a predicate loop, data written under the mutex
// tsan: check
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
int ready = 0;
int payload = 0;

static void *producer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  payload = 7;
  ready = 1;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&mu);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, producer, NULL);
  pthread_mutex_lock(&mu);
  while (!ready)
    pthread_cond_wait(&cv, &mu);
  int got = payload;
  pthread_mutex_unlock(&mu);
  pthread_join(t, NULL);
  printf("%d\n", got);
  return 0;
}
