// concur-race: yes
// race-on: total
// trap: a local passed by std::ref to two threads
// tsan: check
#include <cstdio>
#include <functional>
#include <thread>

void add(int &total, int n) {
  for (int i = 0; i < n; ++i)
    total += 1; // RACE
}

int main() {
  int total = 0;
  std::thread a(add, std::ref(total), 100);
  std::thread b(add, std::ref(total), 100);
  a.join();
  b.join();
  std::printf("added\n");
  return 0;
}
