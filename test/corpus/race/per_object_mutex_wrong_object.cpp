// concur-race: yes
// race-on: to.balance
// trap: each account has its own mutex, but transfer locks only the source
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex m;
  long balance = 1000;
};

void transfer(Account &from, Account &to, long amount) {
  std::lock_guard<std::mutex> g(from.m);
  from.balance -= amount;
  to.balance += amount; // RACE
}

int main() {
  Account a, b, c;
  std::thread t1([&] { for (int i = 0; i < 10; ++i) transfer(a, c, 1); });
  std::thread t2([&] { for (int i = 0; i < 10; ++i) transfer(b, c, 1); });
  t1.join();
  t2.join();
  std::printf("%ld %ld\n", a.balance, b.balance);
  return 0;
}
