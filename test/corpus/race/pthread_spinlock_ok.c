// concur-race: no
// trap: pthread_spin_lock on every access
// tsan: check
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

pthread_spinlock_t spin;
int level = 0;

static void *up(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_spin_lock(&spin);
    level++;
    pthread_spin_unlock(&spin);
  }
  return NULL;
}

static void *down(void *arg) {
  (void)arg;
  for (int i = 0; i < 50; ++i) {
    pthread_spin_lock(&spin);
    level--;
    pthread_spin_unlock(&spin);
  }
  return NULL;
}

int main(void) {
  pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
  pthread_t a, b;
  pthread_create(&a, NULL, up, NULL);
  pthread_create(&b, NULL, down, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_spin_destroy(&spin);
  printf("%d\n", level);
  return 0;
}
