// RUN: %check_concur %s %t -- --checks='-*,concur-thread-joinable-destroyed'
// A thread started, then a return before the join: the return destroys a joinable thread.
#include <thread>

void work() {}
bool setup_failed();

int early_return() {
  std::thread t(work);
  if (setup_failed())
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: std::thread 't' may still be joinable when this return destroys it: it was neither joined nor detached on some path since it started, and destroying or overwriting a joinable std::thread calls std::terminate [concur-thread-joinable-destroyed]
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 't' started a thread here
  t.join();
  return 0;
}

// Joined on one branch only: the end of the scope destroys it joinable on the other.
void joined_on_one_branch(bool wait) {
  std::thread t(work);
  if (wait)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: std::thread 't' may still be joinable when its scope ends here
// CHECK-MESSAGES: :[[@LINE-5]]:15: note: 't' started a thread here

// Two exits that leak it: one finding at the first, the second as a note.
int two_exits(int mode) {
  std::thread t(work);
  if (mode == 1)
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: std::thread 't' may still be joinable when this return destroys it
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 't' started a thread here
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: and may still be joinable here
  if (mode == 2)
    return 2;
  t.detach();
  return 0;
}

// Never joined at all.
void forgotten() {
  std::thread t([] {});
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: std::thread 't' may still be joinable when its scope ends here
// CHECK-MESSAGES: :[[@LINE-3]]:15: note: 't' started a thread here

// A break leaves the loop body, destroying the body's thread before its join.
void break_out(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t(work);
    if (i == 3)
      break;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: std::thread 't' may still be joinable when this jump leaves its scope
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: 't' started a thread here
    t.join();
  }
}
