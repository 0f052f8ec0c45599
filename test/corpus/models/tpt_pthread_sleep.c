// concur-site: thread-per-task
// expect-target: thread_pool
// trap: C source: pthread_create per task with nanosleep; the runtime is C++, so diagnostic only, never a fix
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#define NTASKS 6

struct request {
  int id;
  long reply;
};

static void *query(void *arg) {
  struct request *r = arg;
  struct timespec ts = {0, 4 * 1000 * 1000};
  nanosleep(&ts, NULL); /* the remote end is slow */
  r->reply = 7L * r->id + 3;
  return NULL;
}

int main(void) {
  struct request reqs[NTASKS];
  pthread_t th[NTASKS];
  for (int i = 0; i < NTASKS; i++) {
    reqs[i].id = i;
    reqs[i].reply = 0;
    pthread_create(&th[i], NULL, query, &reqs[i]);
  }
  for (int i = 0; i < NTASKS; i++) pthread_join(th[i], NULL);
  for (int i = 0; i < NTASKS; i++) printf("request %d -> %ld\n", reqs[i].id, reqs[i].reply);
  return 0;
}
