// concur-race: yes
// race-on: shared_count
// trap: a __sync_lock_test_and_set lock word taken by one thread only
// tsan: check
#include <pthread.h>
#include <stdio.h>

int lock_word = 0;
int shared_count = 0;

static void *careful(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    while (__sync_lock_test_and_set(&lock_word, 1))
      ;
    shared_count++; // RACE
    __sync_lock_release(&lock_word);
  }
  return NULL;
}

static void *careless(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i)
    shared_count--; // RACE
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, careful, NULL);
  pthread_create(&b, NULL, careless, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("counted\n");
  return 0;
}
