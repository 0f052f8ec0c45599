// concur-site: none
// expect-target: none
// trap: a thread per task, but each result depends on thread_local state (a per-thread call counter and cache) that a pool would share across tasks
#include <cstdio>
#include <thread>
#include <unordered_map>
#include <vector>

static int expensive(int key) {
  thread_local std::unordered_map<int, int> cache;  // per-thread memo
  thread_local int calls = 0;
  ++calls;
  auto it = cache.find(key);
  if (it != cache.end()) return it->second * 1000 + calls;
  int v = key * key % 97;
  cache.emplace(key, v);
  return v * 1000 + calls;
}

int main() {
  constexpr int kTasks = 8;
  std::vector<int> last(kTasks);
  std::vector<std::thread> threads;
  for (int t = 0; t < kTasks; ++t) {
    threads.emplace_back([t, &last] {
      int r = 0;
      for (int round = 0; round < 3; ++round) r = expensive(t % 3 + round % 2);
      last[t] = r;  // encodes how many calls *this thread* made: 3 in a fresh thread
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kTasks; ++t) std::printf("task %d: %d\n", t, last[t]);
  return 0;
}
