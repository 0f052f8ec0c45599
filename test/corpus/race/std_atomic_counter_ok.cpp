// concur-race: no
// trap: std::atomic counter incremented by several threads
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

std::atomic<int> counter{0};
std::atomic<long> g_total{0};

int main() {
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([t] {
      for (int i = 0; i < 1000; ++i) {
        counter++;
        g_total.fetch_add(t, std::memory_order_relaxed);
      }
    });
  for (auto &t : ts)
    t.join();
  std::printf("%d %ld\n", counter.load(), g_total.load());
  return 0;
}
