// concur-race: no
// trap: lock moved between unique_locks (returned from a function)
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>
#include <utility>

std::mutex mu;
int records = 0;

std::unique_lock<std::mutex> acquire() {
  std::unique_lock<std::mutex> lk(mu);
  return lk;
}

void insert() {
  for (int i = 0; i < 30; ++i) {
    std::unique_lock<std::mutex> held = acquire();
    std::unique_lock<std::mutex> moved(std::move(held));
    records++;
  }
}

int main() {
  std::thread a(insert);
  std::thread b(insert);
  a.join();
  b.join();
  std::printf("%d\n", records);
  return 0;
}
