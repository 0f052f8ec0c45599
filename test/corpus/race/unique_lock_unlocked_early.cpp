// concur-race: yes
// race-on: queue_len
// trap: unique_lock::unlock() called before the write
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int queue_len = 0;

void enqueue() {
  for (int i = 0; i < 20; ++i) {
    std::unique_lock<std::mutex> lk(mu);
    int before = queue_len; // RACE
    lk.unlock();
    queue_len = before + 1; // RACE
  }
}

int main() {
  std::thread a(enqueue);
  std::thread b(enqueue);
  a.join();
  b.join();
  std::printf("enqueued\n");
  return 0;
}
