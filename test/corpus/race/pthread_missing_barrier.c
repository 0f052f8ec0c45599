// concur-race: yes
// race-on: cells
// trap: two-phase computation with no barrier between the phases
// tsan: check
#include <pthread.h>
#include <stdio.h>

#define NT 4
int cells[NT];
int next[NT];

static void *step(void *arg) {
  int id = (int)(long)arg;
  cells[id] = id * 10; // RACE
  next[id] = cells[(id + 1) % NT]; // RACE
  return NULL;
}

int main(void) {
  pthread_t t[NT];
  for (long i = 0; i < NT; ++i)
    pthread_create(&t[i], NULL, step, (void *)i);
  for (int i = 0; i < NT; ++i)
    pthread_join(t[i], NULL);
  printf("stepped\n");
  return 0;
}
