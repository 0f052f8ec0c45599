// concur-race: no
// trap: pthread mutex around every access, reader included
// tsan: check
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int status = 0;

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    pthread_mutex_lock(&mu);
    status = i;
    pthread_mutex_unlock(&mu);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, writer, NULL);
  pthread_mutex_lock(&mu);
  int observed = status;
  pthread_mutex_unlock(&mu);
  pthread_join(t, NULL);
  printf("%d %d\n", observed >= 0, status);
  return 0;
}
