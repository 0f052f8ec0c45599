// concur-race: no
// trap: data published through release/acquire atomic flag
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

int message = 0;
std::atomic<int> ready{0};

int main() {
  std::thread producer([] {
    message = 99;
    ready.store(1, std::memory_order_release);
  });
  while (ready.load(std::memory_order_acquire) == 0) {
  }
  int m = message;
  producer.join();
  std::printf("%d\n", m);
  return 0;
}
