// concur-race: yes
// race-on: hits
// trap: unnamed lock_guard temporary is destroyed at the end of its statement
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int hits = 0;

void hit() {
  for (int i = 0; i < 20; ++i) {
    std::lock_guard<std::mutex>{mu};
    hits++; // RACE
  }
}

int main() {
  std::thread a(hit);
  std::thread b(hit);
  a.join();
  b.join();
  std::printf("hit\n");
  return 0;
}
