// concur-race: no
// trap: std::atomic<bool> stop flag polled by a worker (seq_cst)
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

std::atomic<bool> stop{false};
long iterations = 0; // only the worker touches it until join

int main() {
  std::thread t([] {
    while (!stop.load())
      ++iterations;
  });
  stop.store(true);
  t.join();
  std::printf("%d\n", iterations >= 0);
  return 0;
}
