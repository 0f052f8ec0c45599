// RUN: %check_concur %s %t -- --checks='-*,concur-thread-detached-captures-local'
#include <functional>
#include <thread>

void fill(int *out) { *out = 42; }

void by_capture() {
  int result = 0;
  std::thread([&] { result = 1; }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: detached thread running 'by_capture::(lambda)' uses 'result', a local of 'by_capture', by reference
}

void by_pointer() {
  int result = 0;
  std::thread t(fill, &result);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: detached thread running 'fill' uses 'result', a local of 'by_pointer', by reference
  t.detach();
}

// Joined, or given copies: fine.
void joined() {
  int result = 0;
  std::thread t(fill, &result);
  t.join();
}
void by_value() {
  int seed = 3;
  std::thread([seed] { (void)seed; }).detach();
}
