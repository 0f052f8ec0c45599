// concur-race: no
// trap: the one unguarded access of a mutex-guarded member runs before the threads start
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

class Counter {
public:
  void add() {
    std::lock_guard<std::mutex> lock(mu_);
    count_ += 1;
  }
  void take() {
    std::lock_guard<std::mutex> lock(mu_);
    count_ -= 1;
  }
  int get() {
    std::lock_guard<std::mutex> lock(mu_);
    return count_;
  }
  void reset() { count_ = 0; }

private:
  std::mutex mu_;
  int count_ = 5;
};

int main() {
  Counter c;
  c.reset(); // no other thread exists yet
  std::thread a([&c] {
    for (int i = 0; i < 1000; ++i)
      c.add(), c.take();
  });
  std::thread b([&c] {
    for (int i = 0; i < 1000; ++i)
      c.add(), c.take();
  });
  a.join();
  b.join();
  std::printf("%d\n", c.get());
  return 0;
}
