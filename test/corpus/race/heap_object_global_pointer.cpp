// concur-race: yes
// race-on: g_cfg->retries
// trap: heap object reachable through a global pointer
// tsan: check
#include <cstdio>
#include <thread>

struct Config {
  int retries = 0;
  int timeout = 5;
};

Config *g_cfg = nullptr;

void tune() {
  for (int i = 0; i < 10; ++i)
    g_cfg->retries++; // RACE
}

int main() {
  g_cfg = new Config;
  std::thread a(tune);
  std::thread b(tune);
  a.join();
  b.join();
  std::printf("%d\n", g_cfg->timeout);
  delete g_cfg;
  return 0;
}
