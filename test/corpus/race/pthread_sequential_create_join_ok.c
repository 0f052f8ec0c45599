// concur-race: no
// trap: each pthread joined before the next is created
// tsan: check
#include <pthread.h>
#include <stdio.h>

int counter = 0;

static void *work(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i)
    counter++;
  return NULL;
}

int main(void) {
  for (int i = 0; i < 3; ++i) {
    pthread_t t;
    pthread_create(&t, NULL, work, NULL);
    pthread_join(t, NULL);
  }
  printf("%d\n", counter);
  return 0;
}
