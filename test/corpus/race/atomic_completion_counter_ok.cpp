// concur-race: no
// trap: workers publish their slot with a release fetch_add on a completion counter; main spins until the count reaches the number of workers, then reads every slot before joining
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
      long sum = 0;
      for (int i = 0; i < 100000; ++i) sum += (i % (w + 3));
      slots[w] = sum;
      finished.fetch_add(1, std::memory_order_release);
    });
  while (finished.load(std::memory_order_acquire) < kWorkers) {
  }
  long total = 0;
  for (int w = 0; w < kWorkers; ++w) total += slots[w];
  std::printf("total %ld\n", total);
  for (auto& t : workers) t.join();
  return 0;
}
