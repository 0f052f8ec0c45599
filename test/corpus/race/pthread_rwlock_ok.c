// concur-race: no
// trap: pthread_rwlock: rdlock for reads, wrlock for writes
// tsan: check
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
int table[4];

static void *reader(void *arg) {
  long *sum = arg;
  for (int i = 0; i < 20; ++i) {
    pthread_rwlock_rdlock(&rw);
    *sum += table[i % 4];
    pthread_rwlock_unlock(&rw);
  }
  return NULL;
}

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 20; ++i) {
    pthread_rwlock_wrlock(&rw);
    table[i % 4] = i;
    pthread_rwlock_unlock(&rw);
  }
  return NULL;
}

int main(void) {
  long s1 = 0, s2 = 0;
  pthread_t r1, r2, w;
  pthread_create(&r1, NULL, reader, &s1);
  pthread_create(&r2, NULL, reader, &s2);
  pthread_create(&w, NULL, writer, NULL);
  pthread_join(r1, NULL);
  pthread_join(r2, NULL);
  pthread_join(w, NULL);
  printf("%d\n", table[3]);
  return 0;
}
