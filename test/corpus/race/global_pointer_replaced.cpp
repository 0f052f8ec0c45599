// concur-race: yes
// race-on: g_settings
// trap: global pointer replaced by one thread while another dereferences it
// tsan: check
#include <cstdio>
#include <thread>

struct Settings {
  int level;
};

Settings defaults = {1};
Settings updated = {2};
Settings *g_settings = &defaults;

int main() {
  std::thread reloader([] { g_settings = &updated; }); // RACE
  int lvl = g_settings->level; // RACE
  reloader.join();
  std::printf("%d\n", lvl > 0);
  return 0;
}
