// concur-site: thread-per-task
// expect-target: parallel_for
// trap: 4,000 threads each add into one std::atomic total (thread-safe shared state, no result slots)
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

static long digit_sum(long n) {
  long s = 0;
  for (; n > 0; n /= 10) s += n % 10;
  return s;
}

int main() {
  constexpr int kTasks = 4000;
  std::atomic<long> total{0};
  std::atomic<int> with_seven{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kTasks; ++i) {
    threads.emplace_back([i, &total, &with_seven] {
      long local = 0;
      for (long k = 0; k < 200; ++k) local += digit_sum(static_cast<long>(i) * 1000 + k);
      total.fetch_add(local, std::memory_order_relaxed);
      if (local % 7 == 0) with_seven.fetch_add(1, std::memory_order_relaxed);
    });
  }
  for (auto& t : threads) t.join();
  std::printf("total %ld, divisible by seven %d\n", total.load(), with_seven.load());
  return 0;
}
