// concur-race: no
// trap: C++20 std::latch between two worker threads: one writes then count_down(), the other reads after wait()
// tsan: check
#include <cstdio>
#include <latch>
#include <thread>

int settings[3];
int checksum = 0;

int main() {
  std::latch loaded(1);
  std::thread loader([&loaded] {
    for (int i = 0; i < 3; ++i)
      settings[i] = i + 1;
    loaded.count_down();
  });
  std::thread user([&loaded] {
    loaded.wait();
    checksum = settings[0] + settings[1] + settings[2];
  });
  loader.join();
  user.join();
  std::printf("%d\n", checksum);
  return 0;
}
