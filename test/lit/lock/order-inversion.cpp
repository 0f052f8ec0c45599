// RUN: %check_concur %s %t -- --checks='-*,concur-lock-order-inversion'
#include <mutex>
#include <thread>

std::mutex accounts, audit, gate;

void transfer() {
  std::lock_guard<std::mutex> a(accounts);
  std::lock_guard<std::mutex> b(audit);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock-order inversion: thread 'transfer' takes 'audit' while holding 'accounts', and thread 'report' takes them in the opposite order
}

void report() {
  std::lock_guard<std::mutex> b(audit);
  std::lock_guard<std::mutex> a(accounts);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: note: 'accounts' is taken here while 'audit' is held
}

// Same two locks in opposite orders, but always under `gate`: serialized, no deadlock.
void gated_one() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> a(audit);
  std::lock_guard<std::mutex> b(accounts);
}
void gated_two() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> b(accounts);
  std::lock_guard<std::mutex> a(audit);
}

// std::scoped_lock takes both without an order.
void both() { std::scoped_lock both(accounts, audit); }

int main() {
  std::thread t1(transfer), t2(report), t3(gated_one), t4(gated_two), t5(both), t6(both);
  t1.join(); t2.join(); t3.join(); t4.join(); t5.join(); t6.join();
}
