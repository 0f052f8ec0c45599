// concur-race: no
// trap: std::scoped_lock on two mutexes
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex m;
  long balance = 1000;
};

void transfer(Account &from, Account &to, long amount) {
  std::scoped_lock lk(from.m, to.m);
  from.balance -= amount;
  to.balance += amount;
}

int main() {
  Account a, b, c;
  std::thread t1([&] { for (int i = 0; i < 40; ++i) transfer(a, c, 1); });
  std::thread t2([&] { for (int i = 0; i < 40; ++i) transfer(b, c, 1); });
  t1.join();
  t2.join();
  std::printf("%ld %ld %ld\n", a.balance, b.balance, c.balance);
  return 0;
}
