// concur-race: no
// trap: pthread_join before main reads the result
// tsan: check
#include <pthread.h>
#include <stdio.h>

int answer = 0;

static void *compute(void *arg) {
  (void)arg;
  answer = 42;
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, compute, NULL);
  pthread_join(t, NULL);
  printf("%d\n", answer);
  return 0;
}
