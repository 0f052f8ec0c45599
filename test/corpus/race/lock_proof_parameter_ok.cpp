// concur-race: no
// trap: helper takes the caller's unique_lock by reference as proof the lock is held
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

std::mutex mu;
std::vector<int> pending;

static void push_locked(std::unique_lock<std::mutex> &held, int v) {
  (void)held;
  pending.push_back(v);
}

void submit(int base) {
  for (int i = 0; i < 20; ++i) {
    std::unique_lock<std::mutex> lk(mu);
    push_locked(lk, base + i);
  }
}

int main() {
  std::thread a(submit, 0);
  std::thread b(submit, 100);
  a.join();
  b.join();
  std::printf("%zu\n", pending.size());
  return 0;
}
