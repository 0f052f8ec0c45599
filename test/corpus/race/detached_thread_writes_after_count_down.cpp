// concur-race: yes
// race-on: status
// trap: detached thread counts down a latch, then writes again; main reads after wait()
// tsan: check
#include <chrono>
#include <cstdio>
#include <latch>
#include <thread>

int status = 0;

int main() {
  static std::latch done(1);
  std::thread([] {
    status = 1;
    done.count_down();
    status = 2; // RACE
  }).detach();
  done.wait();
  int seen = status; // RACE
  // Sleeping orders nothing; it keeps the process alive until the thread's last write.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::printf("%d\n", seen > 0);
  return 0;
}
