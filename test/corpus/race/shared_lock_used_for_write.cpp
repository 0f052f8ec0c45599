// concur-race: yes
// race-on: cache_hits
// trap: shared_lock (reader ownership) taken for a write
// tsan: check
#include <cstdio>
#include <shared_mutex>
#include <thread>

std::shared_mutex rw;
int cache_hits = 0;

void lookup() {
  for (int i = 0; i < 20; ++i) {
    std::shared_lock<std::shared_mutex> lk(rw);
    ++cache_hits; // RACE
  }
}

int main() {
  std::thread a(lookup);
  std::thread b(lookup);
  a.join();
  b.join();
  std::printf("looked up\n");
  return 0;
}
