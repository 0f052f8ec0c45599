// concur-race: no
// trap: std::call_once initialises shared data
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::once_flag init_flag;
int table[4];

static void init_table() {
  for (int k = 0; k < 4; ++k)
    table[k] = k * k;
}

int get(int i) {
  std::call_once(init_flag, init_table);
  return table[i];
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
