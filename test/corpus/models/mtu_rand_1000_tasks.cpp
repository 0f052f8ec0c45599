// concur-site: mt-unsafe-parallel
// expect-target: process_pool
// trap: 1,000 threads all funnelled through one rand() lock: a large MT-unsafe fan-out (process_pool map with chunks)
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

static std::mutex g_rand_mutex;

static int simulate_dice(int game) {
  std::lock_guard<std::mutex> lk(g_rand_mutex);
  std::srand(static_cast<unsigned>(game) * 2654435761u);
  int sixes = 0;
  for (int roll = 0; roll < 500; ++roll) sixes += (std::rand() % 6 == 5);
  return sixes;
}

int main() {
  constexpr int kGames = 1000;
  std::vector<int> sixes(kGames);
  std::vector<std::thread> games;
  for (int g = 0; g < kGames; ++g) games.emplace_back([g, &sixes] { sixes[g] = simulate_dice(g); });
  for (auto& t : games) t.join();
  long total = 0;
  int best = 0;
  for (int g = 0; g < kGames; ++g) {
    total += sixes[g];
    if (sixes[g] > sixes[best]) best = g;
  }
  std::printf("games %d sixes %ld luckiest game %d (%d sixes)\n", kGames, total, best, sixes[best]);
  return 0;
}
