// concur-race: yes
// race-on: total_bytes
// trap: lock_guard's block ends before the shared update
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int total_bytes = 0;
int chunks = 0;

void receive(int n) {
  {
    std::lock_guard<std::mutex> g(mu);
    chunks++;
  }
  total_bytes += n; // RACE
}

int main() {
  std::thread a([] { for (int i = 0; i < 10; ++i) receive(8); });
  std::thread b([] { for (int i = 0; i < 10; ++i) receive(16); });
  a.join();
  b.join();
  std::printf("%d\n", chunks);
  return 0;
}
