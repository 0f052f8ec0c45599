// concur-race: yes
// race-on: slots
// trap: a completion counter incremented with release by every worker, but main waits only until it is non-zero: it reads slots of workers that have not finished
// tsan: check
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int kWorkers = 4;
static long slots[kWorkers];
static std::atomic<int> finished{0};

int main() {
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w)
    workers.emplace_back([w] {
      std::this_thread::sleep_for(std::chrono::milliseconds(w * 20));
      slots[w] = 10L * w;  // RACE
      finished.fetch_add(1, std::memory_order_release);
    });
  while (finished.load(std::memory_order_acquire) == 0) {
  }
  long total = 0;
  for (int w = 0; w < kWorkers; ++w) total += slots[w];  // RACE
  std::printf("total so far %ld\n", total >= 0 ? 0L : 1L);
  for (auto& t : workers) t.join();
  return 0;
}
