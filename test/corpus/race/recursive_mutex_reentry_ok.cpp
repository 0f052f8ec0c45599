// concur-race: no
// trap: recursive_mutex re-entered by recursive helper calls
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::recursive_mutex rmu;
int depth_total = 0;

void walk(int depth) {
  std::lock_guard<std::recursive_mutex> g(rmu);
  depth_total += depth;
  if (depth > 0)
    walk(depth - 1);
}

int main() {
  std::thread a(walk, 5);
  std::thread b(walk, 4);
  a.join();
  b.join();
  std::printf("%d\n", depth_total);
  return 0;
}
