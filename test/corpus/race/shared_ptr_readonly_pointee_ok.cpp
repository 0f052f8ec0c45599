// concur-race: no
// trap: shared_ptr copies in threads (atomic refcount), pointee only read
// tsan: check
#include <cstdio>
#include <memory>
#include <thread>

struct Box {
  int value = 11;
};

int main() {
  auto box = std::make_shared<const Box>();
  int ra = 0, rb = 0;
  std::thread a([sp = box, &ra] { ra = sp->value + 1; });
  std::thread b([sp = box, &rb] { rb = sp->value + 2; });
  box.reset();
  a.join();
  b.join();
  std::printf("%d %d\n", ra, rb);
  return 0;
}
