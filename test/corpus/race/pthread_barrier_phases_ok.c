// concur-race: no
// trap: pthread_barrier_wait separates the write phase from the read phase
// tsan: check
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

#define NT 4
int cells[NT];
int next[NT];
pthread_barrier_t bar;

static void *step(void *arg) {
  int id = (int)(long)arg;
  cells[id] = id * 10;
  pthread_barrier_wait(&bar);
  next[id] = cells[(id + 1) % NT];
  return NULL;
}

int main(void) {
  pthread_barrier_init(&bar, NULL, NT);
  pthread_t t[NT];
  for (long i = 0; i < NT; ++i)
    pthread_create(&t[i], NULL, step, (void *)i);
  for (int i = 0; i < NT; ++i)
    pthread_join(t[i], NULL);
  pthread_barrier_destroy(&bar);
  printf("%d %d %d %d\n", next[0], next[1], next[2], next[3]);
  return 0;
}
