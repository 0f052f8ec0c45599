// concur-race: no
// trap: try_lock result checked; fallback takes the blocking lock
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int pending = 0;
int contended = 0;

void worker() {
  for (int i = 0; i < 50; ++i) {
    if (mu.try_lock()) {
      pending += 1;
      mu.unlock();
    } else {
      std::lock_guard<std::mutex> g(mu);
      pending += 1;
      contended += 1;
    }
  }
}

int main() {
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
  std::printf("%d %d\n", pending, contended >= 0);
  return 0;
}
