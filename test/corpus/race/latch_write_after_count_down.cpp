// concur-race: yes
// race-on: settings
// trap: std::latch orders what was written before count_down(), not the write made after it
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
    settings[2] = 30; // RACE
  });
  std::thread user([&loaded] {
    loaded.wait();
    checksum = settings[0] + settings[1] + settings[2]; // RACE
  });
  loader.join();
  user.join();
  std::printf("%d\n", checksum);
  return 0;
}
