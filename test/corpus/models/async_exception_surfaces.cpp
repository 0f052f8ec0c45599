// concur-site: async-fanout
// expect-target: executor
// trap: one task throws; the exception must still surface at that task's get(), in order, after earlier results
#include <chrono>
#include <cstdio>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

static int parse_config(int shard) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  if (shard == 3) throw std::runtime_error("shard 3: malformed header");
  return shard * 11;
}

int main() {
  std::vector<std::future<int>> futures;
  for (int s = 0; s < 6; ++s) futures.push_back(std::async(std::launch::async, parse_config, s));
  for (std::size_t s = 0; s < futures.size(); ++s) {
    try {
      std::printf("shard %zu: %d\n", s, futures[s].get());
    } catch (const std::exception& e) {
      std::printf("shard %zu failed: %s\n", s, e.what());
    }
  }
  return 0;
}
