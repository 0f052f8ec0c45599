// concur-race: yes
// race-on: depth_total
// trap: recursive_mutex taken by the public entry, but a second entry skips it
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::recursive_mutex rmu;
int depth_total = 0;

void walk(int depth) {
  depth_total += depth; // RACE
  if (depth > 0)
    walk(depth - 1);
}

void safe_walk(int d) {
  std::lock_guard<std::recursive_mutex> g(rmu);
  walk(d);
}

void fast_walk(int d) { walk(d); }

int main() {
  std::thread a(safe_walk, 5);
  std::thread b(fast_walk, 5);
  a.join();
  b.join();
  std::printf("walked\n");
  return 0;
}
