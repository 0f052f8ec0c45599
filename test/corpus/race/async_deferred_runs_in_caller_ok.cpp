// concur-race: no
// trap: std::launch::deferred runs in the caller, not on another thread
// tsan: check
#include <cstdio>
#include <future>

int g_errors = 0;

int check(int v) {
  if (v % 2 == 0)
    g_errors++;
  return v;
}

int main() {
  auto f1 = std::async(std::launch::deferred, check, 2);
  auto f2 = std::async(std::launch::deferred, check, 4);
  g_errors += 10;
  int s = f1.get() + f2.get();
  std::printf("%d %d\n", s, g_errors);
  return 0;
}
