// concur-race: yes
// race-on: sum
// trap: local captured by reference in two thread lambdas
// tsan: check
#include <cstdio>
#include <thread>

int main() {
  int sum = 0;
  std::thread a([&sum] {
    for (int i = 0; i < 100; ++i)
      sum += i; // RACE
  });
  std::thread b([&sum] {
    for (int i = 0; i < 100; ++i)
      sum -= i; // RACE
  });
  a.join();
  b.join();
  std::printf("joined\n");
  return 0;
}
