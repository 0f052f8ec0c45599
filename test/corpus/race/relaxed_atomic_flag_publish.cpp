// concur-race: yes
// race-on: message
// trap: data published through a relaxed atomic flag (no release/acquire)
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

int message = 0;
std::atomic<int> ready{0};

int main() {
  std::thread producer([] {
    message = 99; // RACE
    ready.store(1, std::memory_order_relaxed);
  });
  while (ready.load(std::memory_order_relaxed) == 0) {
  }
  int m = message; // RACE
  producer.join();
  std::printf("%d\n", m);
  return 0;
}
