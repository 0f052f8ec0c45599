// concur-site: thread-per-task
// expect-target: parallel_for
// trap: C source: 1,000 pthreads of CPU work with result slots; diagnostic only
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>

#define NTASKS 1000

static uint64_t results[NTASKS];

static void *work(void *arg) {
  uintptr_t i = (uintptr_t)arg;
  uint64_t acc = i + 1;
  for (int k = 0; k < 500; k++) acc = acc * 6364136223846793005ULL + 1442695040888963407ULL;
  results[i] = acc >> 33;
  return NULL;
}

int main(void) {
  pthread_t th[NTASKS];
  for (uintptr_t i = 0; i < NTASKS; i++) pthread_create(&th[i], NULL, work, (void *)i);
  for (int i = 0; i < NTASKS; i++) pthread_join(th[i], NULL);
  uint64_t sum = 0;
  for (int i = 0; i < NTASKS; i++) sum += results[i];
  printf("sum %llu first %llu last %llu\n", (unsigned long long)sum, (unsigned long long)results[0],
         (unsigned long long)results[NTASKS - 1]);
  return 0;
}
