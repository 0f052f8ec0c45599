// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11
// GCC's lock word: memory touched between a __sync_lock_test_and_set spin and the
// __sync_lock_release of the same word is ordered between its holders; a thread that skips
// the lock word still races.
#include <pthread.h>

int word = 0;
int guarded = 0;
int other_word = 0;
int mixed = 0;

static void *locked(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    while (__sync_lock_test_and_set(&word, 1))
      ;
    guarded++;
    __sync_lock_release(&word);
  }
  return NULL;
}

static void *half_locked(void *arg) {
  (void)arg;
  while (__sync_lock_test_and_set(&other_word, 1))
    ;
  mixed++;
  __sync_lock_release(&other_word);
  return NULL;
}
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: data race on 'mixed': write by thread 'half_locked' conflicts with a write by thread 'unlocked'{{.*}}[concur-race-unsynchronized-access]

static void *unlocked(void *arg) {
  (void)arg;
  mixed--;
  return NULL;
}

int main(void) {
  pthread_t a, b, c, d;
  pthread_create(&a, NULL, locked, NULL);
  pthread_create(&b, NULL, locked, NULL);
  pthread_create(&c, NULL, half_locked, NULL);
  pthread_create(&d, NULL, unlocked, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  pthread_join(d, NULL);
  return guarded + mixed;
}
