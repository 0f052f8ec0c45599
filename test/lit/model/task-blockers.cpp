// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// Work that cannot become a pool's task whatever the loop's shape: it waits for other work, ends
// its thread itself, or (for a process pool) shares memory or a random
// stream with its caller. Each gets the recommendation and a note naming why; the code stays.
#include <atomic>
#include <latch>
#include <cstdlib>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <vector>

// pthread_exit would end the pool's worker, not the task.
long sums[4];
static void *add_up(void *arg) {
  long id = (long)arg;
  long s = 0;
  for (int k = 0; k < 100000; ++k)
    s += (k * id) % 7;
  sums[id] = s;
  pthread_exit(nullptr);
}
void exits_itself() {
  pthread_t threads[4];
  for (long i = 0; i < 4; i++)
    pthread_create(&threads[i], nullptr, add_up, (void *)i);
  for (int i = 0; i < 4; i++)
    pthread_join(threads[i], nullptr);
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: {{.*}}[concur-model-thread-per-task]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: no automatic rewrite: 'add_up' ends its thread with pthread_exit (at task-blockers.cpp{{.*}}:{{[0-9]+}}), which would end a pool's worker instead
// CHECK-FIXES: pthread_create(&threads[i], nullptr, add_up, (void *)i);

// A process pool's worker would count in its own copy of 'draws'.
std::mutex rand_mutex;
int draws = 0;
static int roll(int seed) {
  std::lock_guard<std::mutex> lock(rand_mutex);
  ++draws;
  std::srand(seed);
  return std::rand() % 6;
}
void counts_in_global(std::vector<int> &out) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&out, i] { out[i] = roll(i); });
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: {{.*}}[concur-model-mt-unsafe-parallel]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: no automatic rewrite: 'counts_in_global::(lambda)' writes 'draws' (at task-blockers.cpp{{.*}}:{{[0-9]+}}), which in a worker process would change only the worker's copy
// CHECK-FIXES: threads.emplace_back([&out, i] { out[i] = roll(i); });

// The caller seeded one stream that the threads share: each worker process would replay it.
static int draw() {
  std::lock_guard<std::mutex> lock(rand_mutex);
  return std::rand() % 100;
}
void shared_stream(std::vector<int> &out) {
  std::srand(2024);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&out, i] { out[i] = draw(); });
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: {{.*}}[concur-model-mt-unsafe-parallel]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: no automatic rewrite: 'shared_stream::(lambda)' draws from the process's 'rand' stream (at task-blockers.cpp{{.*}}:{{[0-9]+}}), which each worker process would replay from the start
// CHECK-FIXES: threads.emplace_back([&out, i] { out[i] = draw(); });

// Tasks that wait for a gate the caller opens: queued tasks would still pass it, but concur
// cannot prove the caller opens it only after every task has started.
void gated(std::vector<int> &out) {
  std::latch go(1);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&out, &go, i] { go.wait(); out[i] = i * i; });
  go.count_down();
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: {{.*}}[concur-model-thread-per-task]
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: no automatic rewrite: 'gated::(lambda)' waits for other work ('std::latch::wait' at {{.*}}): with fewer workers than tasks it could wait forever
