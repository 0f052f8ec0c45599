// concur-race: no
// trap: __sync builtins on a plain global from pthreads
// tsan: check
#include <pthread.h>
#include <stdio.h>

long total = 0;
int lock_word = 0;
int guarded = 0;

static void *work(void *arg) {
  (void)arg;
  for (int i = 0; i < 500; ++i) {
    __sync_fetch_and_add(&total, 2);
    while (__sync_lock_test_and_set(&lock_word, 1))
      ;
    guarded++;
    __sync_lock_release(&lock_word);
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld %d\n", total, guarded);
  return 0;
}
