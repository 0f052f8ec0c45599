// concur-race: yes
// race-on: records
// trap: pthread_mutex_unlock before the write
// tsan: check
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int records = 0;

static void *insert(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    pthread_mutex_lock(&mu);
    int n = records; // RACE
    pthread_mutex_unlock(&mu);
    records = n + 1; // RACE
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, insert, NULL);
  pthread_create(&b, NULL, insert, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("inserted\n");
  return 0;
}
