// concur-race: yes
// race-on: data_block
// trap: C11 <stdatomic.h> flag stored relaxed publishes nothing (and no other atomic orders the threads)
// tsan: check
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

atomic_bool published = false;
int data_block[4];

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 4; ++i)
    data_block[i] = i + 1; // RACE
  atomic_store_explicit(&published, true, memory_order_relaxed);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, producer, NULL);
  while (!atomic_load_explicit(&published, memory_order_acquire))
    ;
  int s = data_block[0] + data_block[3]; // RACE
  pthread_join(t, NULL);
  printf("%d\n", s);
  return 0;
}
