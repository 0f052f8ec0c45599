// concur-race: no
// trap: C++20 std::latch: workers write their slot, main reads after wait()
// tsan: check
#include <cstdio>
#include <latch>
#include <thread>
#include <vector>

int slots[4];

int main() {
  std::latch done(4);
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([i, &done] {
      slots[i] = i * 10;
      done.count_down();
    });
  done.wait();
  int s = slots[0] + slots[1] + slots[2] + slots[3];
  for (auto &t : ts)
    t.join();
  std::printf("%d\n", s);
  return 0;
}
