// concur-race: yes
// race-on: g_progress
// trap: main reads a global the async task writes, before future::get()
// tsan: check
#include <cstdio>
#include <future>

int g_progress = 0;

int job() {
  for (int i = 0; i < 10; ++i)
    g_progress = i; // RACE
  return 10;
}

int main() {
  std::future<int> f = std::async(std::launch::async, job);
  int p = g_progress; // RACE
  int r = f.get();
  std::printf("%d %d\n", r, p >= 0);
  return 0;
}
