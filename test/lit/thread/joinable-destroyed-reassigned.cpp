// RUN: %check_concur %s %t -- --checks='-*,concur-thread-joinable-destroyed'
// Move-assigning to a joinable std::thread calls std::terminate, as destroying it does.
#include <thread>
#include <utility>

void work() {}

void restart() {
  std::thread t(work);
  t = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: std::thread 't' is assigned a new thread here while it may still be joinable
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: 't' started a thread here
  t.join();
}

// Given another thread's state by a move: the moved-to variable now owns a running thread.
void moved_into() {
  std::thread a(work);
  std::thread b = std::move(a);
  a.join(); // a no longer owns a thread
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: std::thread 'b' may still be joinable when its scope ends here
// CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'b' started a thread here

// Joined first, then reused: fine.
void restart_after_join() {
  std::thread t(work);
  t.join();
  t = std::thread(work);
  t.join();
}
