// concur-race: no
// trap: detached thread fills a local of main and counts down a latch; main reads after wait()
// tsan: check
#include <cstdio>
#include <latch>
#include <thread>

int main() {
  int total = 0;
  std::latch done(1);
  std::thread([&total, &done] {
    for (int i = 1; i <= 10; ++i)
      total += i;
    done.count_down();
  }).detach();
  done.wait();
  std::printf("%d\n", total);
  return 0;
}
