// concur-site: thread-per-task
// expect-target: parallel_for
// trap: 10,000 std::threads, one per tiny CPU task, each writing its own slot; thread creation dominates
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

static std::uint64_t mix(std::uint64_t x) {
  for (int r = 0; r < 64; ++r) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 29;
  }
  return x;
}

int main() {
  constexpr std::size_t kTasks = 10000;
  std::vector<std::uint64_t> out(kTasks);
  std::vector<std::thread> threads;
  threads.reserve(kTasks);
  for (std::size_t i = 0; i < kTasks; ++i) threads.emplace_back([&out, i] { out[i] = mix(i + 1); });
  for (auto& t : threads) t.join();

  std::uint64_t checksum = 0;
  for (std::size_t i = 0; i < kTasks; ++i) checksum ^= out[i] + i;
  std::printf("tasks %zu checksum %016llx first %016llx last %016llx\n", kTasks,
              static_cast<unsigned long long>(checksum), static_cast<unsigned long long>(out.front()),
              static_cast<unsigned long long>(out.back()));
  return 0;
}
