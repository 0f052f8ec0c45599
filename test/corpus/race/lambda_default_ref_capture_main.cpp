// concur-race: yes
// race-on: progress
// trap: [&] default capture, thread and main both touch the local
// tsan: check
#include <cstdio>
#include <thread>

int main() {
  int progress = 0;
  std::thread worker([&] {
    for (int step = 0; step < 5; ++step)
      progress = step; // RACE
  });
  int snapshot = progress; // RACE
  worker.join();
  std::printf("%d\n", snapshot >= 0);
  return 0;
}
