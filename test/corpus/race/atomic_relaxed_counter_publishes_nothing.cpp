// concur-race: yes
// race-on: slots
// trap: a completion counter incremented relaxed: main's wait for the full count orders none of the workers' writes
// tsan: check
#include <atomic>
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
      slots[w] = 10L * w + 1;  // RACE
      finished.fetch_add(1, std::memory_order_relaxed);
    });
  while (finished.load(std::memory_order_relaxed) < kWorkers) {
  }
  long total = 0;
  for (int w = 0; w < kWorkers; ++w) total += slots[w];  // RACE
  std::printf("total %ld\n", total);
  for (auto& t : workers) t.join();
  return 0;
}
