// concur-race: yes
// race-on: inventory
// trap: two pthread mutexes guard the same variable on different paths
// tsan: check
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t add_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t remove_lock = PTHREAD_MUTEX_INITIALIZER;
int inventory = 50;

static void *restock(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    pthread_mutex_lock(&add_lock);
    inventory += 2; // RACE
    pthread_mutex_unlock(&add_lock);
  }
  return NULL;
}

static void *sell(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    pthread_mutex_lock(&remove_lock);
    inventory -= 1; // RACE
    pthread_mutex_unlock(&remove_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, restock, NULL);
  pthread_create(&b, NULL, sell, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d\n", inventory);
  return 0;
}
