// concur-race: yes
// race-on: g_max
// trap: read-compare-write of a running maximum without a lock
// tsan: check
#include <algorithm>
#include <cstdio>
#include <thread>

int g_max = 0;

void scan(const int *v, int n) {
  for (int i = 0; i < n; ++i)
    g_max = std::max(g_max, v[i]); // RACE
}

int main() {
  static const int xs[] = {3, 9, 4, 1};
  static const int ys[] = {7, 2, 8, 5};
  std::thread a(scan, xs, 4);
  std::thread b(scan, ys, 4);
  a.join();
  b.join();
  std::printf("%d\n", g_max);
  return 0;
}
