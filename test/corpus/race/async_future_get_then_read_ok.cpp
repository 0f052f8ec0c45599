// concur-race: no
// trap: std::async task writes a global, main reads it after future::get()
// tsan: check
#include <cstdio>
#include <future>

int g_progress = 0;

int job() {
  for (int i = 0; i < 10; ++i)
    g_progress = i;
  return 10;
}

int main() {
  std::future<int> f = std::async(std::launch::async, job);
  int r = f.get();
  int p = g_progress;
  std::printf("%d %d\n", r, p);
  return 0;
}
