// RUN: %check_concur %s %t -- --checks='-*,concur-workload-sleep-polling'
#include <atomic>
#include <chrono>
#include <thread>

std::atomic<bool> ready{false};
bool done = false;

void wait_until_ready() {
  while (!ready.load())
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'wait_until_ready' polls 'ready' and sleeps between looks{{.*}}std::condition_variable
  // CHECK-MESSAGES: :[[@LINE-3]]:11: note: 'ready' is read here on every iteration
}

void wait_done() {
  while (!done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'wait_done' polls 'done' and sleeps between looks
  // CHECK-MESSAGES: :[[@LINE-3]]:11: note: 'done' is read here
  }
}

// A rate limiter sleeps in a loop but polls nothing.
void tick(int n) {
  for (int i = 0; i < n; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

int main() {
  std::thread t([] { ready = true; done = true; });
  wait_until_ready();
  wait_done();
  tick(2);
  t.join();
}
