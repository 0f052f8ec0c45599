// concur-race: no
// trap: PTHREAD_MUTEX_RECURSIVE locked again by a nested helper
// tsan: check
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu;
static int depth_total = 0;

static void walk(int depth) {
  pthread_mutex_lock(&mu);
  depth_total += depth;
  if (depth > 0)
    walk(depth - 1);
  pthread_mutex_unlock(&mu);
}

static void *run(void *arg) {
  walk((int)(long)arg);
  return NULL;
}

int main(void) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&mu, &attr);
  pthread_t a, b;
  pthread_create(&a, NULL, run, (void *)5L);
  pthread_create(&b, NULL, run, (void *)4L);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_mutex_destroy(&mu);
  printf("%d\n", depth_total);
  return 0;
}
