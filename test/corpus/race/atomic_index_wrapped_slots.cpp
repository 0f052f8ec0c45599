// concur-race: yes
// race-on: ring
// trap: atomic fetch_add hands out indices, but the modulo wrap makes slots collide
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

std::atomic<int> next_slot{0};
int ring[4];

void produce(int v) {
  for (int i = 0; i < 8; ++i)
    ring[next_slot.fetch_add(1, std::memory_order_relaxed) % 4] = v + i; // RACE
}

int main() {
  std::thread a(produce, 100);
  std::thread b(produce, 200);
  a.join();
  b.join();
  std::printf("%d\n", next_slot.load());
  return 0;
}
