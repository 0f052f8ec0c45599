// RUN: %check_concur %s %t -- --checks='-*,concur-thread-joinable-destroyed'
// Containers of std::thread: destroying or clearing them destroys every thread they hold.
#include <thread>
#include <vector>

void work(int) {}
bool cancelled();

int early_return_before_joining_all(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work, i);
  if (cancelled())
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'workers' may still hold joinable threads when this return destroys it
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'workers' started a thread here
  for (auto &t : workers)
    t.join();
  return 0;
}

void cleared_before_join(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.push_back(std::thread(work, i));
  workers.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'workers' is cleared here while it may still hold joinable threads
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'workers' started a thread here
}

// A join loop whose body does more than join, but joins every joinable element: fine.
void join_loop_with_logging(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work, i);
  for (auto &t : workers)
    if (t.joinable()) {
      cancelled();
      t.join();
    }
  workers.clear();
}
