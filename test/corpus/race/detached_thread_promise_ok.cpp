// concur-race: no
// trap: detached thread synchronised through a future before main reads
// tsan: check
#include <cstdio>
#include <future>
#include <thread>

int report = 0;

int main() {
  std::promise<void> done;
  std::future<void> f = done.get_future();
  std::thread([&done] {
    report = 42;
    done.set_value();
  }).detach();
  f.wait();
  std::printf("%d\n", report);
  return 0;
}
