// concur-race: yes
// race-on: report
// trap: detached thread; a relaxed atomic flag gives no happens-before
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

int report = 0;
std::atomic<bool> done{false};

int main() {
  std::thread([] {
    report = 42; // RACE
    done.store(true, std::memory_order_relaxed);
  }).detach();
  while (!done.load(std::memory_order_relaxed))
    std::this_thread::yield();
  std::printf("%d\n", report); // RACE
  return 0;
}
