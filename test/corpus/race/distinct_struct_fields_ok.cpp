// concur-race: no
// trap: two threads write different (non-bit-field) members of one struct
// tsan: check
#include <cstdio>
#include <thread>

struct Flags {
  bool dirty;
  bool visible;
  int counter_a;
  int counter_b;
};

Flags flags = {false, false, 0, 0};

int main() {
  std::thread a([] { flags.dirty = true; for (int i = 0; i < 10; ++i) flags.counter_a++; });
  std::thread b([] { flags.visible = true; for (int i = 0; i < 10; ++i) flags.counter_b++; });
  a.join();
  b.join();
  std::printf("%d %d %d %d\n", flags.dirty, flags.visible, flags.counter_a, flags.counter_b);
  return 0;
}
