// concur-race: yes
// race-on: visited
// trap: std::vector<bool> packs elements into shared words, distinct indices still race
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

std::vector<bool> visited(16, false);

void mark(int i) {
  visited[i] = true; // RACE
}

int main() {
  std::thread a(mark, 0);
  std::thread b(mark, 1);
  a.join();
  b.join();
  std::printf("%d\n", (int)visited[0] + (int)visited[1]);
  return 0;
}
