// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access'
// The spawning function waits on a latch: that orders what each thread wrote before its
// count_down, not what it writes after (the thread is still running), unlike a join.
#include <latch>
#include <thread>

int before_signal, after_signal;
void use(int) {}

int main() {
  std::latch done(1);
  std::thread t([&done] {
    before_signal = 1;
    done.count_down();
    after_signal = 2;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'after_signal': write by thread 'main::(lambda)' conflicts with a read by the main thread; held nothing here, nothing there [concur-race-unsynchronized-access]
  });
  done.wait();
  use(before_signal);
  use(after_signal);
  t.join();
}
