// concur-race: no
// trap: pre-sized std::vector<int>, each thread writes only its own element
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  std::vector<int> visited(16, 0);
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&visited, i] {
      for (int k = 0; k < 10; ++k)
        visited[i] += k;
    });
  for (auto &t : ts)
    t.join();
  std::printf("%d %d\n", visited[0], visited[3]);
  return 0;
}
