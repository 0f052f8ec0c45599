// concur-race: yes
// race-on: lookups
// trap: pthread_rwlock_rdlock taken for a write
// tsan: check
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
int lookups = 0;

static void *find(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    pthread_rwlock_rdlock(&rw);
    lookups++; // RACE
    pthread_rwlock_unlock(&rw);
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, find, NULL);
  pthread_create(&b, NULL, find, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("found\n");
  return 0;
}
