// concur-site: async-fanout
// expect-target: executor
// trap: 1,000 std::async tasks (a thread each), mostly CPU with an occasional short wait; sum of get() in order
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

static long task(int i) {
  if (i % 250 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));  // a cache miss to the backend
  long acc = i;
  for (int k = 0; k < 3000; ++k) acc = (acc * 1103515245 + 12345) % 2147483648L;
  return acc % 1000;
}

int main() {
  constexpr int kTasks = 1000;
  std::vector<std::future<long>> futures;
  futures.reserve(kTasks);
  for (int i = 0; i < kTasks; ++i) futures.push_back(std::async(std::launch::async, task, i));
  long sum = 0;
  std::vector<long> firsts;
  for (int i = 0; i < kTasks; ++i) {
    long v = futures[i].get();
    sum += v;
    if (i < 5) firsts.push_back(v);
  }
  std::printf("sum %ld\n", sum);
  for (std::size_t i = 0; i < firsts.size(); ++i) std::printf("task %zu: %ld\n", i, firsts[i]);
  return 0;
}
