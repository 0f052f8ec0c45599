// concur-race: yes
// race-on: value
// trap: fast path returns after writing without taking the lock
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int value = 0;

void update(bool fast) {
  if (fast) {
    value++; // RACE
    return;
  }
  std::lock_guard<std::mutex> g(mu);
  value++; // RACE
}

int main() {
  std::thread a([] { for (int i = 0; i < 10; ++i) update(true); });
  std::thread b([] { for (int i = 0; i < 10; ++i) update(false); });
  a.join();
  b.join();
  std::printf("updated\n");
  return 0;
}
