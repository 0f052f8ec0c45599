// concur-race: yes
// race-on: sessions
// trap: const find() on one thread while another inserts (const calls are reads)
// tsan: check
#include <cstdio>
#include <string>
#include <thread>
#include <unordered_map>

std::unordered_map<int, std::string> sessions;
int g_found = 0;

int main() {
  sessions.reserve(64);
  std::thread login([] {
    for (int id = 0; id < 5; ++id)
      sessions.emplace(id, "user"); // RACE
  });
  int found = 0;
  for (int id = 0; id < 5; ++id)
    found += sessions.find(id) != sessions.end(); // RACE
  g_found = found;
  login.join();
  std::printf("%d\n", g_found >= 0);
  return 0;
}
