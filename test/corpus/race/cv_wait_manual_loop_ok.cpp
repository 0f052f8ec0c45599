// concur-race: no
// trap: condition variable wait in a manual while loop (re-acquires the lock)
// tsan: check
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <queue>
#include <thread>

std::mutex mu;
std::condition_variable cv;
std::queue<int> jobs;
bool closed = false;

void consumer(long *sum) {
  std::unique_lock<std::mutex> lk(mu);
  while (true) {
    while (jobs.empty() && !closed)
      cv.wait(lk);
    if (jobs.empty())
      break;
    *sum += jobs.front();
    jobs.pop();
  }
}

int main() {
  long sum = 0;
  std::thread c(consumer, &sum);
  for (int i = 1; i <= 10; ++i) {
    std::lock_guard<std::mutex> g(mu);
    jobs.push(i);
    cv.notify_one();
  }
  {
    std::lock_guard<std::mutex> g(mu);
    closed = true;
  }
  cv.notify_all();
  c.join();
  std::printf("%ld\n", sum);
  return 0;
}
