// concur-race: yes
// race-on: result
// trap: main reads the worker's result before join
// tsan: check
#include <cstdio>
#include <thread>

int result = 0;

void compute() {
  int s = 0;
  for (int i = 1; i <= 10; ++i)
    s += i;
  result = s; // RACE
}

int main() {
  std::thread t(compute);
  int r = result; // RACE
  t.join();
  std::printf("%d\n", r >= 0);
  return 0;
}
