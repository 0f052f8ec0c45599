// concur-race: yes
// race-on: status
// trap: writer locks the mutex, the reader does not
// tsan: check
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int status = 0;

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    pthread_mutex_lock(&mu);
    status = i; // RACE
    pthread_mutex_unlock(&mu);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, writer, NULL);
  int observed = status; // RACE
  pthread_join(t, NULL);
  printf("%d\n", observed >= 0);
  return 0;
}
