// concur-race: no
// trap: each pthread gets its own struct by pointer
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
    job->processed += job->id;
  return NULL;
}

int main(void) {
  struct job jobs[3] = {{1, 0}, {2, 0}, {3, 0}};
  pthread_t t[3];
  for (int i = 0; i < 3; ++i)
    pthread_create(&t[i], NULL, run, &jobs[i]);
  for (int i = 0; i < 3; ++i)
    pthread_join(t[i], NULL);
  printf("%d %d %d\n", jobs[0].processed, jobs[1].processed, jobs[2].processed);
  return 0;
}
