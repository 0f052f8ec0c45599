// concur-race: yes
// race-on: slots
// trap: threads write to the same array element
// tsan: check
#include <cstdio>
#include <thread>

int slots[8];

void fill(int id) {
  slots[id % 2] = id; // RACE
}

int main() {
  std::thread a(fill, 2);
  std::thread b(fill, 4);
  a.join();
  b.join();
  std::printf("filled\n");
  return 0;
}
