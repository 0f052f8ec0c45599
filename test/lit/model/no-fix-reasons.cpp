// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// Sites whose rewrite would not keep the program's behaviour get the recommendation and a note
// saying why there is no fix; the code is left as it was.
#include <chrono>
#include <latch>
#include <thread>
#include <vector>

static void nap() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }

// A pool's worker runs many tasks: thread_local state would leak from one task to the next.
thread_local int calls = 0;
static void counted(std::vector<int> &out, int i) {
  nap();
  out[i] = ++calls;
}
void per_thread_state(std::vector<int> &out) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(counted, std::ref(out), i);
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: {{.*}}[concur-model-thread-per-task]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: no automatic rewrite: 'counted' keeps thread_local state, which a pool's worker would carry from task to task
// CHECK-FIXES: threads.emplace_back(counted, std::ref(out), i);

// Threads kept in a member outlive the function: the rewrite cannot see every join.
struct Crawler {
  std::vector<std::thread> workers_;
  void start() {
    for (int i = 0; i < 4; ++i)
      workers_.emplace_back(nap);
  }
  void stop() {
    for (auto &t : workers_)
      t.join();
  }
};
// CHECK-MESSAGES: :[[@LINE-7]]:7: warning: {{.*}}[concur-model-thread-per-task]
// CHECK-MESSAGES: :[[@LINE-8]]:7: note: no automatic rewrite: the threads are kept in 'workers_', which is not a local variable
// CHECK-FIXES: workers_.emplace_back(nap);

// Detached at once: the original waits for nothing at the end of the function (it counts the
// jobs down itself), where a pool would wait for its tasks.
void detached_jobs(std::vector<int> &out) {
  for (int i = 0; i < 4; ++i)
    std::thread([&out, i] { nap(); out[i] = i; }).detach();
}
// CHECK-MESSAGES: :[[@LINE-2]]:5: warning: {{.*}}[concur-model-thread-per-task]
// CHECK-MESSAGES: :[[@LINE-3]]:5: note: no automatic rewrite: the threads are detached: nothing waits for them where a pool would

int main() {
  std::vector<int> out(4);
  per_thread_state(out);
  Crawler c;
  c.start();
  c.stop();
}
