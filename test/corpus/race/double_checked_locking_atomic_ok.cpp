// concur-race: no
// trap: double-checked locking with an atomic flag (acquire/release)
// tsan: check
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex init_mu;
std::atomic<bool> initialized{false};
int table[4];

int get(int i) {
  if (!initialized.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> g(init_mu);
    if (!initialized.load(std::memory_order_relaxed)) {
      for (int k = 0; k < 4; ++k)
        table[k] = k * k;
      initialized.store(true, std::memory_order_release);
    }
  }
  return table[i];
}

int main() {
  int r1 = 0, r2 = 0;
  std::thread a([&r1] { r1 = get(2); });
  std::thread b([&r2] { r2 = get(3); });
  a.join();
  b.join();
  std::printf("%d %d\n", r1, r2);
  return 0;
}
