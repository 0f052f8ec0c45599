// concur-race: yes
// race-on: a
// trap: per-thread chunks overlap by one element (<= instead of <)
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

const int N = 64;
int a[N + 1];

void scale(int lo, int hi) {
  for (int i = lo; i <= hi; ++i)
    a[i] = i * 2; // RACE
}

int main() {
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back(scale, t * 16, (t + 1) * 16);
  for (auto &t : ts)
    t.join();
  std::printf("%d\n", a[10]);
  return 0;
}
