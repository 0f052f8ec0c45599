// concur-race: yes
// race-on: latest
// trap: lock held on the write but not on the read
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int latest = 0;

void update(int v) {
  std::lock_guard<std::mutex> lock(mu);
  latest = v; // RACE
}

int peek() {
  return latest; // RACE
}

int main() {
  std::thread w([] { for (int i = 0; i < 10; ++i) update(i); });
  int seen = 0;
  for (int i = 0; i < 10; ++i)
    seen += peek();
  w.join();
  std::printf("%d\n", seen >= 0);
  return 0;
}
