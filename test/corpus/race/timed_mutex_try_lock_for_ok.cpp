// concur-race: no
// trap: timed_mutex try_lock_for, access only when it succeeded
// tsan: check
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

std::timed_mutex tm;
int done_jobs = 0;

void worker() {
  int mine = 0;
  while (mine < 20) {
    if (tm.try_lock_for(std::chrono::milliseconds(5))) {
      ++done_jobs;
      tm.unlock();
      ++mine;
    }
  }
}

int main() {
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
  std::printf("%d\n", done_jobs);
  return 0;
}
