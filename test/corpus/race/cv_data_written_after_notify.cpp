// concur-race: yes
// race-on: payload
// trap: condition variable used, but the payload is written after the locked section
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
    ready = true;
  }
  cv.notify_one();
  payload = 7; // RACE
}

int main() {
  std::thread p(producer);
  int got;
  {
    std::unique_lock<std::mutex> lk(mu);
    cv.wait(lk, [] { return ready; });
  }
  got = payload; // RACE
  p.join();
  std::printf("%d\n", got >= 0);
  return 0;
}
