// concur-race: yes
// race-on: sp->value
// trap: each thread owns a shared_ptr copy, but the pointee is shared
// tsan: check
#include <cstdio>
#include <memory>
#include <thread>

struct Box {
  int value = 0;
};

int main() {
  auto box = std::make_shared<Box>();
  std::shared_ptr<Box> first = box, second = box;
  std::thread a([sp = std::move(first)] { sp->value += 1; }); // RACE
  std::thread b([sp = std::move(second)] { sp->value += 2; }); // RACE
  a.join();
  b.join();
  std::printf("%ld\n", box.use_count());
  return 0;
}
