// RUN: %check_concur %s %t -- --checks='-*,concur-model-*' -- -std=c11
// C sources get the recommendation and the reason there is no rewrite: the runtime is C++.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int poll_device(int id) {
  struct timespec ts = {0, 1000000};
  nanosleep(&ts, NULL);
  return id * id;
}

// A loop that keeps one blocking call's result per item.
void read_all(int readings[8]) {
  for (int i = 0; i < 8; i++)
    readings[i] = poll_device(i);
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: a loop of 8 iterations makes independent blocking calls, one after another: it calls io-bound 'poll_device'{{.*}}[concur-model-serial-blocking-loop]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: no automatic rewrite: C code: the runtime is a C++ library

static long data[1000];
static void *sum_part(void *arg) {
  long *part = arg;
  for (long i = part[0]; i < part[1]; i++)
    part[2] += data[i];
  return NULL;
}

// Chunks per core counted by sysconf.
long sum_all(void) {
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  pthread_t threads[64];
  long parts[64][3];
  if (ncpu > 64)
    ncpu = 64;
  for (long t = 0; t < ncpu; t++) {
    parts[t][0] = t * 1000 / ncpu;
    parts[t][1] = (t + 1) * 1000 / ncpu;
    parts[t][2] = 0;
    pthread_create(&threads[t], NULL, sum_part, parts[t]);
  }
  long total = 0;
  for (long t = 0; t < ncpu; t++) {
    pthread_join(threads[t], NULL);
    total += parts[t][2];
  }
  return total;
}
// CHECK-MESSAGES: :[[@LINE-9]]:5: warning: threads (one per core) run cpu-bound 'sum_part'{{.*}}[concur-model-manual-chunking]
// CHECK-MESSAGES: :[[@LINE-10]]:5: note: no automatic rewrite: C code: the runtime is a C++ library
