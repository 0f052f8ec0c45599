// concur-race: yes
// race-on: job->limit
// trap: main modifies a heap object after detaching the thread that reads it
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

struct Job {
  int limit = 3;
  int produced = 0;
  std::atomic<bool> done{false};
};

int main() {
  Job *job = new Job;
  std::thread([job] {
    for (int i = 0; i < job->limit; ++i) // RACE
      job->produced++;
    job->done.store(true, std::memory_order_release);
  }).detach();
  job->limit = 5; // RACE
  while (!job->done.load(std::memory_order_acquire))
    std::this_thread::yield();
  std::printf("%d\n", job->produced > 0);
  delete job;
  return 0;
}
