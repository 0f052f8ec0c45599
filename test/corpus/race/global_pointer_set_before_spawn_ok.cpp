// concur-race: no
// trap: heap object in a global pointer, set before spawn, fields under a mutex
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

struct Config {
  std::mutex mu;
  int retries = 0;
  int timeout = 5;
};

Config *g_cfg = nullptr;

void tune() {
  for (int i = 0; i < 10; ++i) {
    std::lock_guard<std::mutex> g(g_cfg->mu);
    g_cfg->retries++;
  }
}

int main() {
  g_cfg = new Config;
  std::thread a(tune);
  std::thread b(tune);
  a.join();
  b.join();
  std::printf("%d %d\n", g_cfg->retries, g_cfg->timeout);
  delete g_cfg;
  return 0;
}
