// concur-race: yes
// race-on: job->processed
// trap: one struct passed by pointer to two pthread_create calls
// tsan: check
#include <pthread.h>
#include <stdio.h>

struct job {
  int id;
  int processed;
};

static void *run(void *arg) {
  struct job *job = arg;
  for (int i = 0; i < 10; ++i)
    job->processed += 1; // RACE
  return NULL;
}

int main(void) {
  struct job shared = {1, 0};
  pthread_t a, b;
  pthread_create(&a, NULL, run, &shared);
  pthread_create(&b, NULL, run, &shared);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d\n", shared.id);
  return 0;
}
