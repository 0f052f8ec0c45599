// RUN: %check_concur %s %t -- --checks='-*,concur-thread-detached-captures-local'
// A detached thread whose last use of the spawner's locals is a signal the spawner waits for
// before it can return (a promise and its future, a latch) is done with them in time.
#include <future>
#include <latch>
#include <thread>

int compute() { return 42; }

int by_promise() {
  int result = 0;
  std::promise<void> done;
  std::future<void> finished = done.get_future();
  std::thread([&] {
    result = compute();
    done.set_value();
  }).detach();
  finished.wait();
  return result;
}

int by_latch() {
  int result = 0;
  std::latch done(1);
  std::thread([&] {
    result = compute();
    done.count_down();
  }).detach();
  done.wait();
  return result;
}

void fill(int *out, std::latch *done) {
  *out = compute();
  done->count_down();
}

int by_pointer_and_latch() {
  int result = 0;
  std::latch done(1);
  std::thread(fill, &result, &done).detach();
  done.wait();
  return result;
}

// The look-alikes: the thread writes the local after signalling, the spawner never waits, or
// waits on something else.
int writes_after_signal() {
  int result = 0;
  std::latch done(1);
  std::thread([&] {
    done.count_down();
    result = compute();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: detached thread running 'writes_after_signal::(lambda)' uses 'done', a local of 'writes_after_signal', by reference
  done.wait();
  return result;
}

void fill_late(int *out, std::latch *done) {
  done->count_down();
  *out = compute();
}

int through_pointer_after_signal() {
  int result = 0;
  std::latch done(1);
  std::thread(fill_late, &result, &done).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: detached thread running 'fill_late' uses 'result', a local of 'through_pointer_after_signal', by reference
  done.wait();
  return result;
}

int never_waits() {
  int result = 0;
  std::promise<void> done;
  std::future<void> finished = done.get_future();
  std::thread([&] {
    result = compute();
    done.set_value();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: detached thread running 'never_waits::(lambda)' uses 'result', a local of 'never_waits', by reference
  return 0;
}

int waits_on_another() {
  int result = 0;
  std::latch done(1), other(0);
  std::thread([&] {
    result = compute();
    done.count_down();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: detached thread running 'waits_on_another::(lambda)' uses 'result', a local of 'waits_on_another', by reference
  other.wait();
  return result;
}

int main() {
  return by_promise() + by_latch() + by_pointer_and_latch() + writes_after_signal() +
         through_pointer_after_signal() + never_waits() + waits_on_another();
}
