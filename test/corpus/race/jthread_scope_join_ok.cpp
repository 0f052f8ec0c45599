// concur-race: no
// trap: std::jthread joins at scope end before the read
// tsan: check
#include <cstdio>
#include <thread>

int frames_a = 0;
int frames_b = 0;

int main() {
  {
    std::jthread a([] { for (int i = 0; i < 30; ++i) ++frames_a; });
    std::jthread b([] { for (int i = 0; i < 30; ++i) ++frames_b; });
  }
  std::printf("%d\n", frames_a + frames_b);
  return 0;
}
