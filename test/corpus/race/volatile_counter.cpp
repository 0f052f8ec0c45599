// concur-race: yes
// race-on: ticks
// trap: volatile is not synchronization
// tsan: check
#include <cstdio>
#include <thread>

volatile int ticks = 0;

void tick() {
  for (int i = 0; i < 100; ++i)
    ticks = ticks + 1; // RACE
}

int main() {
  std::thread a(tick);
  std::thread b(tick);
  a.join();
  b.join();
  std::printf("ticked\n");
  return 0;
}
