// concur-race: yes
// race-on: flags.dirty
// race-on: flags.visible
// trap: adjacent bit-fields share one memory location
// tsan: check
#include <cstdio>
#include <thread>

struct Flags {
  unsigned dirty : 1;
  unsigned visible : 1;
};

Flags flags = {0, 0};

int main() {
  std::thread a([] { flags.dirty = 1; }); // RACE
  std::thread b([] { flags.visible = 1; }); // RACE
  a.join();
  b.join();
  std::printf("%u %u\n", flags.dirty, flags.visible);
  return 0;
}
