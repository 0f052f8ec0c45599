// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*' -- -std=c++17
// A file compiled below C++20 gets the recommendation without a fix: the runtime needs C++20.
#include <chrono>
#include <thread>
#include <vector>

static void nap() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(nap);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 4 threads run io-bound 'nap' {{.*}}[concur-model-thread-per-task]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no automatic rewrite: the runtime needs C++20 and this file is compiled with an older standard
  // CHECK-FIXES: std::vector<std::thread> threads;
  for (auto &t : threads)
    t.join();
}
