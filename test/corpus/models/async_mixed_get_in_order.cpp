// concur-site: async-fanout
// expect-target: executor
// trap: std::async(std::launch::async) futures pushed into a vector, then get() in order; mixed sleep + compute
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

struct Report {
  int id;
  long score;
};

static Report analyse(int id) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2));  // load the record
  long score = 0;
  for (long k = 0; k < 100000; ++k) score = (score * 31 + k + id) % 1000003;  // then crunch it
  return {id, score};
}

int main() {
  std::vector<std::future<Report>> futures;
  for (int id = 0; id < 12; ++id) futures.push_back(std::async(std::launch::async, analyse, id));
  for (auto& f : futures) {
    Report r = f.get();
    std::printf("record %2d score %ld\n", r.id, r.score);
  }
  return 0;
}
