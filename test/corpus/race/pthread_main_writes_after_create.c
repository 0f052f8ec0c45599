// concur-race: yes
// race-on: mode
// trap: main writes after pthread_create and before pthread_join
// tsan: check
#include <pthread.h>
#include <stdio.h>

int mode = 0;

static void *reader(void *arg) {
  int *out = arg;
  *out = mode; // RACE
  return NULL;
}

int main(void) {
  int seen = 0;
  pthread_t t;
  pthread_create(&t, NULL, reader, &seen);
  mode = 1; // RACE
  pthread_join(t, NULL);
  printf("%d\n", seen >= 0);
  return 0;
}
