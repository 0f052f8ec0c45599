// concur-race: yes
// race-on: count_
// trap: a member guarded by its mutex in every method but one reset that skips the lock
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

class Counter {
public:
  void add() {
    std::lock_guard<std::mutex> lock(mu_);
    count_ += 1; // RACE
  }
  void take() {
    std::lock_guard<std::mutex> lock(mu_);
    count_ -= 1; // RACE
  }
  int get() {
    std::lock_guard<std::mutex> lock(mu_);
    return count_;
  }
  void reset() { count_ = 0; } // RACE

private:
  std::mutex mu_;
  int count_ = 0;
};

int main() {
  Counter c;
  std::thread adder([&c] {
    for (int i = 0; i < 1000; ++i)
      c.add(), c.take();
  });
  std::thread resetter([&c] {
    for (int i = 0; i < 10; ++i)
      c.reset();
  });
  adder.join();
  resetter.join();
  std::printf("%d\n", c.get() >= 0);
  return 0;
}
