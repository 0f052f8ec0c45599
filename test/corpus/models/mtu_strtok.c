// concur-site: mt-unsafe-parallel
// expect-target: process_pool
// trap: C source: pthreads running strtok-based parsing behind a global pthread mutex; diagnostic only
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NLINES 5

static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *lines[NLINES] = {"1 2 3", "10 20 30 40", "7", "100 200", "5 5 5 5 5 5"};
static long totals[NLINES];

static void *parse(void *arg) {
  long i = (long)arg;
  char buf[64];
  long sum = 0;
  pthread_mutex_lock(&parse_lock);
  for (int pass = 0; pass < 1000; pass++) {
    snprintf(buf, sizeof buf, "%s", lines[i]);
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " ")) sum += atol(t);
  }
  pthread_mutex_unlock(&parse_lock);
  totals[i] = sum;
  return NULL;
}

int main(void) {
  pthread_t th[NLINES];
  for (long i = 0; i < NLINES; i++) pthread_create(&th[i], NULL, parse, (void *)i);
  for (int i = 0; i < NLINES; i++) pthread_join(th[i], NULL);
  for (int i = 0; i < NLINES; i++) printf("line %d: %ld\n", i, totals[i]);
  return 0;
}
