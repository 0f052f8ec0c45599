// concur-race: no
// trap: a thread started and joined inside each loop iteration (sequential threads)
// tsan: check
#include <cstdio>
#include <thread>

int g_total = 0;

int main() {
  for (int round = 0; round < 5; ++round) {
    std::thread t([round] { g_total += round; });
    t.join();
    g_total *= 2;
  }
  std::printf("%d\n", g_total);
  return 0;
}
