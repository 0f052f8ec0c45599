// concur-race: yes
// race-on: latest_sample
// trap: producer and consumer are different thread functions, no lock at all
// tsan: check
#include <pthread.h>
#include <stdio.h>

int latest_sample = 0;

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 20; ++i)
    latest_sample = i; // RACE
  return NULL;
}

static void *consumer(void *arg) {
  long *sum = arg;
  for (int i = 0; i < 20; ++i)
    *sum += latest_sample; // RACE
  return NULL;
}

int main(void) {
  long sum = 0;
  pthread_t p, c;
  pthread_create(&p, NULL, producer, NULL);
  pthread_create(&c, NULL, consumer, &sum);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  printf("%d\n", sum >= 0);
  return 0;
}
