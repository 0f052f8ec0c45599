// concur-race: yes
// race-on: initialized
// race-on: table
// trap: double-checked locking with a non-atomic flag
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex init_mu;
bool initialized = false;
int table[4];

int get(int i) {
  if (!initialized) { // RACE
    std::lock_guard<std::mutex> g(init_mu);
    if (!initialized) {
      for (int k = 0; k < 4; ++k)
        table[k] = k * k;
      initialized = true; // RACE
    }
  }
  return table[i]; // RACE
}

int main() {
  int r1 = 0, r2 = 0;
  std::thread a([&r1] { r1 = get(2); });
  std::thread b([&r2] { r2 = get(3); });
  a.join();
  b.join();
  std::printf("%d %d\n", r1, r2);
  return 0;
}
