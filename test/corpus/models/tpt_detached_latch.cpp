// concur-site: thread-per-task
// expect-target: thread_pool
// trap: detached threads; completion is a std::latch the main thread waits on instead of join
#include <chrono>
#include <cstdio>
#include <latch>
#include <thread>
#include <vector>

static long ping(int node) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2 + node % 3));  // network latency
  return 1000 + node * node;
}

int main() {
  constexpr int kNodes = 12;
  std::vector<long> rtt(kNodes);
  std::latch done(kNodes);
  for (int n = 0; n < kNodes; ++n) {
    std::thread([&rtt, &done, n] {
      rtt[n] = ping(n);
      done.count_down();
    }).detach();
  }
  done.wait();
  for (int n = 0; n < kNodes; ++n) std::printf("node %2d: %ld\n", n, rtt[n]);
  return 0;
}
