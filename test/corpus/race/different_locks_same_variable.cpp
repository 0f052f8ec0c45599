// concur-race: yes
// race-on: balance
// trap: two different mutexes protect the same variable
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex deposit_mu;
std::mutex withdraw_mu;
long balance = 100;

void deposit(int n) {
  std::lock_guard<std::mutex> g(deposit_mu);
  balance += n; // RACE
}

void withdraw(int n) {
  std::lock_guard<std::mutex> g(withdraw_mu);
  balance -= n; // RACE
}

int main() {
  std::thread a([] { for (int i = 0; i < 10; ++i) deposit(5); });
  std::thread b([] { for (int i = 0; i < 10; ++i) withdraw(5); });
  a.join();
  b.join();
  std::printf("%ld\n", balance);
  return 0;
}
