// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11
// C11 <stdatomic.h> (atomic expressions in Clang's AST, not calls): a release store published
// what was written before it to a thread that spins on an acquire load; a relaxed store
// publishes nothing.
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

atomic_bool ready = false;
int payload;
atomic_bool loose = false;
int unpublished;

static void *produce(void *arg) {
  (void)arg;
  payload = 42;
  atomic_store_explicit(&ready, true, memory_order_release);
  unpublished = 7;
  atomic_store_explicit(&loose, true, memory_order_relaxed);
  return NULL;
}
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: data race on 'unpublished': write by thread 'produce' conflicts with a read by the main thread{{.*}}[concur-race-unsynchronized-access]

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, produce, NULL);
  while (!atomic_load_explicit(&ready, memory_order_acquire))
    ;
  while (!atomic_load_explicit(&loose, memory_order_acquire))
    ;
  int sum = payload + unpublished;
  pthread_join(t, NULL);
  return sum;
}
