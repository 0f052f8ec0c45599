// concur-race: no
// trap: early returns inside a lock_guard scope
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int value = 0;
int skipped = 0;

void update(int v) {
  std::lock_guard<std::mutex> g(mu);
  if (v % 3 == 0) {
    skipped++;
    return;
  }
  if (v > 100)
    return;
  value += v;
}

int main() {
  std::thread a([] { for (int i = 0; i < 30; ++i) update(i); });
  std::thread b([] { for (int i = 0; i < 30; ++i) update(i + 1); });
  a.join();
  b.join();
  std::printf("%d %d\n", value, skipped);
  return 0;
}
