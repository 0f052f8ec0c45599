// concur-race: no
// trap: mutex passed by reference into a helper that locks it
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

struct Stats {
  long sum = 0;
  int n = 0;
};

void record(std::mutex &m, Stats &s, int v) {
  std::lock_guard<std::mutex> g(m);
  s.sum += v;
  s.n++;
}

int main() {
  std::mutex m;
  Stats s;
  std::thread a([&] { for (int i = 0; i < 30; ++i) record(m, s, i); });
  std::thread b([&] { for (int i = 0; i < 30; ++i) record(m, s, 2 * i); });
  a.join();
  b.join();
  std::printf("%ld %d\n", s.sum, s.n);
  return 0;
}
