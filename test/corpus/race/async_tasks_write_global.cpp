// concur-race: yes
// race-on: g_errors
// trap: std::async(launch::async) tasks writing a shared global
// tsan: check
#include <cstdio>
#include <future>

int g_errors = 0;

int check(int v) {
  if (v % 2 == 0)
    g_errors++; // RACE
  return v;
}

int main() {
  auto f1 = std::async(std::launch::async, check, 2);
  auto f2 = std::async(std::launch::async, check, 4);
  int s = f1.get() + f2.get();
  std::printf("%d\n", s);
  return 0;
}
