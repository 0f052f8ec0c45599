// concur-site: thread-per-task
// expect-target: parallel_for
// trap: CPU tasks merge into a std::map under one mutex at the end of each task (the lock must be kept)
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

int main() {
  constexpr int kTasks = 16;
  std::map<int, long> histogram;
  std::mutex m;
  std::vector<std::thread> threads;
  for (int t = 0; t < kTasks; ++t) {
    threads.push_back(std::thread([t, &histogram, &m] {
      std::map<int, long> local;
      unsigned x = 2463534242u + static_cast<unsigned>(t);
      for (int k = 0; k < 20000; ++k) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        ++local[static_cast<int>(x % 10)];
      }
      std::lock_guard<std::mutex> g(m);
      for (auto& [bucket, count] : local) histogram[bucket] += count;
    }));
  }
  for (auto& th : threads) th.join();
  for (auto& [bucket, count] : histogram) std::printf("bucket %d: %ld\n", bucket, count);
  return 0;
}
