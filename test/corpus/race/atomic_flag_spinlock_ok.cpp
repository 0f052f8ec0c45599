// concur-race: no
// trap: std::atomic_flag used as a spinlock
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

std::atomic_flag busy = ATOMIC_FLAG_INIT;
int shared_count = 0;

void bump() {
  for (int i = 0; i < 200; ++i) {
    while (busy.test_and_set(std::memory_order_acquire))
      std::this_thread::yield();
    shared_count++;
    busy.clear(std::memory_order_release);
  }
}

int main() {
  std::thread a(bump);
  std::thread b(bump);
  a.join();
  b.join();
  std::printf("%d\n", shared_count);
  return 0;
}
