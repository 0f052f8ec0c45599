// concur-race: no
// trap: unique_lock with defer_lock then lock()
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int queue_len = 0;

void enqueue() {
  for (int i = 0; i < 20; ++i) {
    std::unique_lock<std::mutex> lk(mu, std::defer_lock);
    int local = i * 2; // work that needs no lock
    lk.lock();
    queue_len += local > -1;
  }
}

int main() {
  std::thread a(enqueue);
  std::thread b(enqueue);
  a.join();
  b.join();
  std::printf("%d\n", queue_len);
  return 0;
}
