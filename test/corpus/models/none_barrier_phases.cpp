// concur-site: none
// expect-target: none
// trap: threads in a loop that meet at a std::barrier every phase: tasks are not independent (a pool smaller than the fan-out would deadlock)
#include <barrier>
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  constexpr int kWorkers = 6;
  constexpr int kPhases = 4;
  std::vector<long> cells = {1, 2, 3, 5, 8, 13};
  std::vector<long> next(kWorkers, 0);
  std::barrier sync_point(kWorkers, [&]() noexcept { cells.swap(next); });
  std::vector<std::thread> threads;
  for (int w = 0; w < kWorkers; ++w) {
    threads.emplace_back([&, w] {
      for (int phase = 0; phase < kPhases; ++phase) {
        long left = cells[(w + kWorkers - 1) % kWorkers];
        long right = cells[(w + 1) % kWorkers];
        next[w] = left + cells[w] * 2 + right + phase;
        sync_point.arrive_and_wait();  // every neighbour's value for this phase is ready
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int w = 0; w < kWorkers; ++w) std::printf("cell %d: %ld\n", w, cells[w]);
  return 0;
}
