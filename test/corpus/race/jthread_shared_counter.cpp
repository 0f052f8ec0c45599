// concur-race: yes
// race-on: frames
// trap: std::jthread workers update a global (auto-join does not help)
// tsan: check
#include <cstdio>
#include <thread>

int frames = 0;

int main() {
  {
    std::jthread a([] { for (int i = 0; i < 30; ++i) ++frames; }); // RACE
    std::jthread b([] { for (int i = 0; i < 30; ++i) ++frames; }); // RACE
  }
  std::printf("rendered\n");
  return 0;
}
