// concur-race: no
// trap: std::async tasks each write their own array slot, read after get()
// tsan: check
#include <cstdio>
#include <future>
#include <vector>

int errors[4];

int check(int slot, int v) {
  errors[slot] = v % 2 == 0;
  return v;
}

int main() {
  std::vector<std::future<int>> fs;
  for (int i = 0; i < 4; ++i)
    fs.push_back(std::async(std::launch::async, check, i, i + 2));
  int s = 0;
  for (auto &f : fs)
    s += f.get();
  std::printf("%d %d\n", s, errors[0] + errors[1] + errors[2] + errors[3]);
  return 0;
}
