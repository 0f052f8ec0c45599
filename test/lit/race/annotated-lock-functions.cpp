// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20 -I%S/Inputs
// A mutex wrapper known only by its thread-safety annotations (Inputs/thread_annotations.h: no
// bodies, no matching model): ACQUIRE / RELEASE / TRY_ACQUIRE and a SCOPED_CAPABILITY guard
// act on the lockset like std::mutex and std::lock_guard.
#include "thread_annotations.h"

#include <thread>

Spinlock lock;
long entered, tried, guarded, dropped, unlocked_after, failed_try;

// Both sides hold the lock: no report.
void enter_leave() {
  lock.Enter();
  ++entered;
  lock.Leave();
}

// A successful TryEnter holds it on the branch where it returned true.
void try_enter() {
  if (lock.TryEnter()) {
    ++tried;
    lock.Leave();
  }
}

// The scoped guard holds it until the end of its scope, or until Drop().
void scoped() {
  Hold h(lock);
  ++guarded;
}
void scoped_then_drop() {
  Hold h(lock);
  ++dropped;
  h.Drop();
}

// The look-alikes that do race: the access comes after Leave(), or on the failed branch.
void after_leave() {
  lock.Enter();
  lock.Leave();
  ++unlocked_after;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'unlocked_after': write by thread 'worker' conflicts with a write by thread 'worker'; held nothing here, nothing there [concur-race-unsynchronized-access]
}
void failed_try_enter() {
  if (!lock.TryEnter())
    ++failed_try;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'failed_try': write by thread 'worker' conflicts with a write by thread 'worker'; held nothing here, nothing there [concur-race-unsynchronized-access]
  else
    lock.Leave();
}

void worker() {
  enter_leave();
  try_enter();
  scoped();
  scoped_then_drop();
  after_leave();
  failed_try_enter();
}

int main() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
