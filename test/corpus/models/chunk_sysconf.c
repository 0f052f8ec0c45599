// concur-site: manual-chunking
// expect-target: parallel_for
// trap: C source: sysconf(_SC_NPROCESSORS_ONLN) chunks with pthreads over an array; diagnostic only
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define N 1000000

static int data[N];

struct slice {
  size_t begin, end;
  long sum;
};

static void *sum_slice(void *arg) {
  struct slice *s = arg;
  long acc = 0;
  for (size_t i = s->begin; i < s->end; i++) acc += data[i] % 13;
  s->sum = acc;
  return NULL;
}

int main(void) {
  for (size_t i = 0; i < N; i++) data[i] = (int)(i * 7 % 1009);
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  if (ncpu < 1) ncpu = 2;
  struct slice *slices = calloc((size_t)ncpu, sizeof *slices);
  pthread_t *th = calloc((size_t)ncpu, sizeof *th);
  if (!slices || !th) return 1;
  for (long t = 0; t < ncpu; t++) {
    slices[t].begin = (size_t)t * N / (size_t)ncpu;
    slices[t].end = (size_t)(t + 1) * N / (size_t)ncpu;
    pthread_create(&th[t], NULL, sum_slice, &slices[t]);
  }
  long total = 0;
  for (long t = 0; t < ncpu; t++) {
    pthread_join(th[t], NULL);
    total += slices[t].sum;
  }
  printf("total %ld\n", total);
  free(slices);
  free(th);
  return 0;
}
