// concur-race: no
// trap: std::atomic_ref over a plain int
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

int plain_counter = 0;

void work() {
  std::atomic_ref<int> ref(plain_counter);
  for (int i = 0; i < 500; ++i)
    ref.fetch_add(1, std::memory_order_relaxed);
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  std::printf("%d\n", plain_counter);
  return 0;
}
