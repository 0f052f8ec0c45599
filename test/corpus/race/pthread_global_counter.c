// concur-race: yes
// race-on: counter
// trap: unprotected global counter from several pthreads
// tsan: check
#include <pthread.h>
#include <stdio.h>

int counter = 0;

static void *work(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i)
    counter++; // RACE
  return NULL;
}

int main(void) {
  pthread_t t[3];
  for (int i = 0; i < 3; ++i)
    pthread_create(&t[i], NULL, work, NULL);
  for (int i = 0; i < 3; ++i)
    pthread_join(t[i], NULL);
  printf("done\n");
  return 0;
}
