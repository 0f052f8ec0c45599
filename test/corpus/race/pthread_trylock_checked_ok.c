// concur-race: no
// trap: pthread_mutex_trylock result checked before the access
// tsan: check
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int queued = 0;

static void *enqueue(void *arg) {
  (void)arg;
  int done = 0;
  while (done < 20) {
    if (pthread_mutex_trylock(&mu) == 0) {
      queued++;
      pthread_mutex_unlock(&mu);
      done++;
    } else {
      sched_yield();
    }
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, enqueue, NULL);
  pthread_create(&b, NULL, enqueue, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d\n", queued);
  return 0;
}
