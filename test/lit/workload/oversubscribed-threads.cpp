// RUN: %check_concur %s %t -- --checks='-*,concur-workload-oversubscribed-threads,concur-workload-cpu-on-io-pool' -- -std=c++20 -I%concur_source/runtime/include
#include <thread>
#include <vector>

double crunch(const std::vector<double> &v) {
  double s = 0;
  for (double x : v)
    for (double y : v)
      s += x * y;
  return s;
}

void per_item(const std::vector<std::vector<double>> &items) {
  std::vector<std::thread> threads;
  for (const auto &item : items)
    threads.emplace_back(crunch, std::cref(item));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: CPU-bound 'crunch' is started as one thread per item of a loop with no bound
  // CHECK-MESSAGES: :[[@LINE-10]]:5: note: 'crunch' is CPU-bound: it has a loop nest of depth 2
  for (auto &t : threads)
    t.join();
}

void too_many(const std::vector<double> &v) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 64; ++i)
    threads.emplace_back(crunch, std::cref(v));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: CPU-bound 'crunch' is started as 64 threads, more than the 8 cores
  // CHECK-MESSAGES: :[[@LINE-20]]:5: note: 'crunch' is CPU-bound
  for (auto &t : threads)
    t.join();
}

// One thread per core is the right shape.
void per_core(const std::vector<double> &v) {
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < std::thread::hardware_concurrency(); ++i)
    threads.emplace_back(crunch, std::cref(v));
  for (auto &t : threads)
    t.join();
}

// I/O-bound work may use many threads.
void wait_a_bit() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
void many_sleepers() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 64; ++i)
    threads.emplace_back(wait_a_bit);
  for (auto &t : threads)
    t.join();
}
