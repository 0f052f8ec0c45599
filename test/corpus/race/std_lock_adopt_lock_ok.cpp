// concur-race: no
// trap: std::lock(a, b) followed by lock_guard with adopt_lock
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex m;
  long balance = 1000;
};

void transfer(Account &from, Account &to, long amount) {
  std::lock(from.m, to.m);
  std::lock_guard<std::mutex> g1(from.m, std::adopt_lock);
  std::lock_guard<std::mutex> g2(to.m, std::adopt_lock);
  from.balance -= amount;
  to.balance += amount;
}

int main() {
  Account a, b;
  std::thread t1([&] { for (int i = 0; i < 50; ++i) transfer(a, b, 1); });
  std::thread t2([&] { for (int i = 0; i < 50; ++i) transfer(b, a, 2); });
  t1.join();
  t2.join();
  std::printf("%ld %ld\n", a.balance, b.balance);
  return 0;
}
