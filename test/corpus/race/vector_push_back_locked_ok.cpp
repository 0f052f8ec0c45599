// concur-race: no
// trap: push_back on a shared std::vector under a mutex
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

std::vector<int> events;
std::mutex events_mu;

void producer(int base) {
  for (int i = 0; i < 50; ++i) {
    std::lock_guard<std::mutex> g(events_mu);
    events.push_back(base + i);
  }
}

int main() {
  std::thread a(producer, 0);
  std::thread b(producer, 100);
  a.join();
  b.join();
  std::printf("%zu\n", events.size());
  return 0;
}
