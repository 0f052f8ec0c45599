// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20 -I%S/Inputs
// A function annotated REQUIRES(mu) is analysed as holding mu: its callers must hold it, which
// Clang's -Wthread-safety checks. That covers callers whose locking concur cannot follow.
#include "thread_annotations.h"

#include <thread>

class Queue {
public:
  // Locks only when asked to: the must-hold lockset loses the lock where the paths join,
  // but the annotation says that every call of the helper holds it.
  void push(bool lock_first) {
    if (lock_first)
      mu_.Enter();
    pushLocked();
    if (lock_first)
      mu_.Leave();
  }
  // The same shape without the annotation is reported.
  void count(bool lock_first) {
    if (lock_first)
      mu_.Enter();
    countUnannotated();
    if (lock_first)
      mu_.Leave();
  }
  // REQUIRES_SHARED holds the lock for reading: a write there still races with other writers.
  void peek() {
    mu_.EnterShared();
    peekLocked();
    mu_.LeaveShared();
  }

private:
  void pushLocked() REQUIRES(mu_) { ++size_; }
  void countUnannotated() { ++pushes_; }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: data race on 'pushes_': write by thread 'worker' conflicts with a write by thread 'worker'; held nothing here, nothing there [concur-race-unsynchronized-access]
  void peekLocked() REQUIRES_SHARED(mu_) { ++peeks_; }
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: data race on 'peeks_': write by thread 'worker' conflicts with a write by thread 'worker'; held {mu_ (shared)} here, {mu_ (shared)} there [concur-race-unsynchronized-access]

  Spinlock mu_;
  long size_ = 0, pushes_ = 0, peeks_ = 0;
};

Queue q;

void worker() {
  q.push(true);
  q.count(true);
  q.peek();
}

int main() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
