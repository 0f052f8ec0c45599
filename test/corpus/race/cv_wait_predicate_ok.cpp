// concur-race: no
// trap: condition variable wait with predicate, payload written under the lock
// tsan: check
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
std::condition_variable cv;
bool ready = false;
int payload = 0;

void producer() {
  {
    std::lock_guard<std::mutex> g(mu);
    payload = 7;
    ready = true;
  }
  cv.notify_one();
}

int main() {
  std::thread p(producer);
  int got;
  {
    std::unique_lock<std::mutex> lk(mu);
    cv.wait(lk, [] { return ready; });
    got = payload;
  }
  p.join();
  std::printf("%d\n", got);
  return 0;
}
