// RUN: %check_concur %s %t -- --checks='-*,concur-mt-unsafe-call'
#include <cstdlib>
#include <thread>

int work() {
  int a = std::rand(); // NOLINT
  int b = std::rand(); // NOLINT(concur-mt-unsafe-call)
  int c = std::rand(); // NOLINT(concur-mt-*)
  int d = std::rand(); // NOLINT(some-other-check)
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'rand' is not thread-safe
  // CHECK-MESSAGES: :[[@LINE+14]]:15: note: thread started here
  // NOLINTNEXTLINE(concur-mt-unsafe-call)
  int e = std::rand();
  // NOLINTBEGIN(concur-mt-unsafe-call)
  int f = std::rand();
  int g = std::rand();
  // NOLINTEND(concur-mt-unsafe-call)
  int h = std::rand();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'rand' is not thread-safe
  // CHECK-MESSAGES: :[[@LINE+5]]:15: note: thread started here
  return a + b + c + d + e + f + g + h;
}

int main() {
  std::thread t(work);
  t.join();
}
