// RUN: %check_concur %s %t -- --checks='-*,concur-lock-inconsistent'
// Variables guarded by one mutex at most of their accesses, and unguarded at one that may run
// beside them on another thread.
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

class Account {
public:
  void deposit(long amount) {
    std::lock_guard<std::mutex> lock(mu_);
    balance_ += amount;
  }
  void withdraw(long amount) {
    std::unique_lock<std::mutex> lock(mu_);
    balance_ -= amount;
  }
  bool overdrawn() { return balance_ < 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'balance_' is guarded by 'mu_' at 2 of 3 accesses, but not here [concur-lock-inconsistent]
  // CHECK-MESSAGES: :13:5: note: written with 'mu_' held here
  // CHECK-MESSAGES: :17:5: note: written with 'mu_' held here

private:
  std::mutex mu_;
  long balance_ = 0;
};

// A global under a global mutex, taken by hand in one place.
std::mutex stats_mu;
long requests;
void count_request() {
  stats_mu.lock();
  ++requests;
  stats_mu.unlock();
}
void count_batch(long n) {
  std::scoped_lock lock(stats_mu);
  requests += n;
}
void forget_requests() { requests = 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'requests' is guarded by 'stats_mu' at 2 of 3 accesses, but not here
// CHECK-MESSAGES: :34:3: note: written with 'stats_mu' held here
// CHECK-MESSAGES: :39:3: note: written with 'stats_mu' held here

// Readers under a shared lock count as guarded; a write outside any lock does not.
struct Table {
  std::shared_mutex mu;
  int size = 0;
};
void grow(Table &t) {
  std::unique_lock lock(t.mu);
  t.size += 1;
}
int peek(Table &t) {
  std::shared_lock lock(t.mu);
  return t.size;
}
void shrink(Table &t) { t.size -= 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 't.size' is guarded by 't.mu' at 2 of 3 accesses, but not here
// CHECK-MESSAGES: :53:3: note: written with 't.mu' held here
// CHECK-MESSAGES: :57:10: note: read with 't.mu' held here

Account account;
Table table;
void worker(int i) {
  account.deposit(i);
  account.withdraw(i);
  if (account.overdrawn())
    count_request();
  count_batch(i);
  forget_requests();
  grow(table);
  i += peek(table);
  shrink(table);
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker, i);
  for (auto &t : threads)
    t.join();
}
