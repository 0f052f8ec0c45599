// concur-race: yes
// race-on: events
// trap: push_back on a shared std::vector from threads (non-const member call is a write)
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

std::vector<int> events;

void producer(int base) {
  for (int i = 0; i < 3; ++i)
    events.push_back(base + i); // RACE
}

int main() {
  events.reserve(64); // no reallocation, so the race is benign-looking but real
  std::thread a(producer, 0);
  std::thread b(producer, 100);
  a.join();
  b.join();
  std::printf("%d\n", events.size() > 0);
  return 0;
}
