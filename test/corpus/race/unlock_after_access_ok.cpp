// concur-race: no
// trap: manual lock()/unlock() around the access, unlocked work afterwards is local
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int shared_count = 0;

void bump(long *local_out) {
  long local = 0;
  for (int i = 0; i < 50; ++i) {
    mu.lock();
    shared_count += i & 1;
    mu.unlock();
    local += i; // local only: no lock needed
  }
  *local_out = local;
}

int main() {
  long la = 0, lb = 0;
  std::thread a(bump, &la);
  std::thread b(bump, &lb);
  a.join();
  b.join();
  std::printf("%d %ld\n", shared_count, la + lb);
  return 0;
}
