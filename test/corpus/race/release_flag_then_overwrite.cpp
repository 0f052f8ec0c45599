// concur-race: yes
// race-on: message
// trap: a release store publishes the message, but the writer changes it again after publishing
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

int message = 0;
std::atomic<bool> ready{false};

int main() {
  std::thread writer([] {
    message = 1;
    ready.store(true, std::memory_order_release);
    message = 2; // RACE
  });
  int seen = 0;
  std::thread reader([&seen] {
    while (!ready.load(std::memory_order_acquire)) {
    }
    seen = message; // RACE
  });
  writer.join();
  reader.join();
  std::printf("%d\n", seen);
  return 0;
}
