// concur-race: yes
// race-on: Stats::total
// trap: static data member written from several threads
// tsan: check
#include <cstdio>
#include <thread>

struct Stats {
  static long total;
  static void record(int v) { Stats::total += v; } // RACE
};
long Stats::total = 0;

int main() {
  std::thread a([] { for (int i = 0; i < 50; ++i) Stats::record(i); });
  std::thread b([] { for (int i = 0; i < 50; ++i) Stats::record(i); });
  a.join();
  b.join();
  std::printf("recorded\n");
  return 0;
}
