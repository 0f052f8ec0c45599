// concur-race: no
// trap: argument passed by value to std::thread (the thread owns a copy)
// tsan: check
#include <cstdio>
#include <thread>

struct Job {
  int id;
  int processed;
};

long results[2];

void run(Job job, int slot) {
  for (int i = 0; i < 10; ++i)
    job.processed += 1;
  results[slot] = job.id * 100 + job.processed;
}

int main() {
  Job shared = {7, 0};
  std::thread a(run, shared, 0);
  std::thread b(run, shared, 1);
  shared.processed = -1; // main's own object: the threads have copies
  a.join();
  b.join();
  std::printf("%ld %ld %d\n", results[0], results[1], shared.processed);
  return 0;
}
