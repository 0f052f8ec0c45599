// concur-race: yes
// race-on: g_total
// trap: same entry started several times in a loop races with itself
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

long g_total = 0;

static void add_range(int lo, int hi) {
  for (int i = lo; i < hi; ++i)
    g_total += i; // RACE
}

int main() {
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t)
    pool.emplace_back(add_range, t * 100, (t + 1) * 100);
  for (auto &th : pool)
    th.join();
  std::printf("finished\n");
  return 0;
}
