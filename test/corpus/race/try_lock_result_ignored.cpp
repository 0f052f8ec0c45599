// concur-race: yes
// race-on: pending
// trap: try_lock result ignored, the write happens even when the lock was not taken
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int pending = 0;

void worker() {
  bool got = mu.try_lock(); // fails: main holds mu for the whole run
  pending += 1; // RACE
  if (got)
    mu.unlock();
}

int main() {
  mu.lock();
  std::thread t(worker);
  pending += 10; // RACE
  t.join();
  mu.unlock();
  std::printf("%d\n", pending > 0);
  return 0;
}
