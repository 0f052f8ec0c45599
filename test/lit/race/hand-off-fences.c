// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11
// Fences make up for relaxed orders: a release fence before a relaxed store publishes what was
// written before the fence, to a thread whose relaxed spin is followed by an acquire fence. A
// fence after the store publishes nothing. __sync builtins are full barriers.
#include <pthread.h>
#include <stdatomic.h>

int fenced;
atomic_int fenced_ready;
int late;
atomic_int late_ready;
int synced;
int synced_ready;

static void *produce(void *arg) {
  (void)arg;
  fenced = 1;
  atomic_thread_fence(memory_order_release);
  atomic_store_explicit(&fenced_ready, 1, memory_order_relaxed);
  synced = 3;
  __sync_fetch_and_add(&synced_ready, 1);
  late = 2;
  atomic_store_explicit(&late_ready, 1, memory_order_relaxed);
  atomic_thread_fence(memory_order_release);
  return NULL;
}
// CHECK-MESSAGES: :[[@LINE-5]]:3: warning: data race on 'late': write by thread 'produce' conflicts with a read by the main thread{{.*}}[concur-race-unsynchronized-access]

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, produce, NULL);
  while (!atomic_load_explicit(&fenced_ready, memory_order_relaxed))
    ;
  while (__sync_fetch_and_add(&synced_ready, 0) == 0)
    ;
  while (!atomic_load_explicit(&late_ready, memory_order_relaxed))
    ;
  atomic_thread_fence(memory_order_acquire);
  int sum = fenced + late + synced;
  pthread_join(t, NULL);
  return sum;
}
