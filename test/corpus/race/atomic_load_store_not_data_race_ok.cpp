// concur-race: no
// trap: separate atomic load and store (a lost-update bug, but not a data race)
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

std::atomic<int> hits{0};

void bump() {
  for (int i = 0; i < 100; ++i) {
    int v = hits.load();
    hits.store(v + 1);
  }
}

int main() {
  std::thread a(bump);
  std::thread b(bump);
  a.join();
  b.join();
  std::printf("%d\n", hits.load() > 0);
  return 0;
}
