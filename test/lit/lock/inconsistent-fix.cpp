// RUN: %check_concur %s %t --fix -- --checks='-*,concur-lock-inconsistent'
// RUN: clang++-19 -std=c++20 -fsyntax-only %t.cpp
// The one unguarded statement (both accesses of `lines = lines / 2 + lock` are in it) is wrapped in a lock_guard on the mutex every other access
// holds, named as the function can name it; <mutex> is added (this file reaches std::mutex
// through <condition_variable> only).
#include <condition_variable>
#include <thread>
#include <vector>
// CHECK-FIXES: #include <vector>
// CHECK-FIXES-NEXT: #include <mutex>

class Gauge {
public:
  void raise() {
    std::lock_guard<std::mutex> guard(mu_);
    level_ += 1;
  }
  void lower() {
    std::lock_guard<std::mutex> guard(mu_);
    level_ -= 1;
  }
  void clear() {
    level_ = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'level_' is guarded by 'mu_' at 2 of 3 accesses, but not here
    // CHECK-FIXES: {{^}}    { std::lock_guard<std::mutex> lock(mu_); level_ = 0; }{{$}}
  }

private:
  std::mutex mu_;
  int level_ = 0;
};

std::mutex log_mu;
int lines;
void log_line() {
  std::unique_lock<std::mutex> held(log_mu);
  lines++;
}
void log_twice() {
  std::lock_guard<std::mutex> held(log_mu);
  lines += 2;
}
void log_thrice() {
  std::lock_guard<std::mutex> held(log_mu);
  lines += 3;
}
void truncate_log(int lock) {
  lines = lines / 2 + lock;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lines' is guarded by 'log_mu' at 3 of 5 accesses, but not here
  // CHECK-FIXES: {{^}}  { std::lock_guard<std::mutex> guard(log_mu); lines = lines / 2 + lock; }{{$}}
}

Gauge gauge;
void worker(int i) {
  gauge.raise();
  gauge.lower();
  gauge.clear();
  log_line();
  log_twice();
  log_thrice();
  truncate_log(i);
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker, i);
  for (auto &t : threads)
    t.join();
}
