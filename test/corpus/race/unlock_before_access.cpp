// concur-race: yes
// race-on: shared_count
// trap: manual unlock() before the access it was meant to protect
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int shared_count = 0;

void bump() {
  for (int i = 0; i < 50; ++i) {
    mu.lock();
    int local = i & 1;
    mu.unlock();
    shared_count += local; // RACE
  }
}

int main() {
  std::thread a(bump);
  std::thread b(bump);
  a.join();
  b.join();
  std::printf("done\n");
  return 0;
}
