// concur-race: no
// trap: each thread accumulates into a local, then merges once under a lock
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

long g_total = 0;
std::mutex total_mu;

void add_range(int lo, int hi) {
  long local = 0;
  for (int i = lo; i < hi; ++i)
    local += i;
  std::lock_guard<std::mutex> g(total_mu);
  g_total += local;
}

int main() {
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t)
    pool.emplace_back(add_range, t * 100, (t + 1) * 100);
  for (auto &th : pool)
    th.join();
  std::printf("%ld\n", g_total);
  return 0;
}
