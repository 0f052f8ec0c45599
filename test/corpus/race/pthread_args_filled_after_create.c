// concur-race: yes
// race-on: args
// trap: main fills args[i] only after starting thread i with &args[i]
// tsan: check
#include <pthread.h>
#include <stdio.h>

struct arg {
  int n;
  long result;
};
struct arg args[4];

static void *run(void *p) {
  struct arg *a = p;
  a->result = a->n * 2;  // RACE
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    pthread_create(&t[i], NULL, run, &args[i]);
    args[i].n = i;  // RACE
  }
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  printf("%ld\n", args[3].result >= 0 ? 1L : 0L);
  return 0;
}
