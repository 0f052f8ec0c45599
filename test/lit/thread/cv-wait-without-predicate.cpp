// RUN: %check_concur %s %t -- --checks='-*,concur-thread-cv-wait-without-predicate'
#include <chrono>
#include <condition_variable>
#include <mutex>

std::mutex mu;
std::condition_variable cv;
bool ready;

void naive() {
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' without a predicate and outside a loop
}

void timed() {
  std::unique_lock<std::mutex> lock(mu);
  cv.wait_for(lock, std::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait_for' without a predicate
}

void with_predicate() {
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [] { return ready; });
  cv.wait_for(lock, std::chrono::milliseconds(5), [] { return ready; });
}

void in_a_loop() {
  std::unique_lock<std::mutex> lock(mu);
  while (!ready)
    cv.wait(lock);
}
