// concur-race: yes
// race-on: g_last_worker
// trap: thread vector created in a loop, all write one global
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

int g_last_worker = -1;

int main() {
  std::vector<std::thread> workers;
  for (int id = 0; id < 3; ++id)
    workers.emplace_back([id] { g_last_worker = id; }); // RACE
  for (auto &w : workers)
    w.join();
  std::printf("%d\n", g_last_worker >= 0);
  return 0;
}
