// concur-race: yes
// race-on: level
// trap: spinlock taken by one thread only
// tsan: check
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

pthread_spinlock_t spin;
int level = 0;

static void *careful(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    pthread_spin_lock(&spin);
    level++; // RACE
    pthread_spin_unlock(&spin);
  }
  return NULL;
}

static void *careless(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i)
    level--; // RACE
  return NULL;
}

int main(void) {
  pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
  pthread_t a, b;
  pthread_create(&a, NULL, careful, NULL);
  pthread_create(&b, NULL, careless, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_spin_destroy(&spin);
  printf("leveled\n");
  return 0;
}
