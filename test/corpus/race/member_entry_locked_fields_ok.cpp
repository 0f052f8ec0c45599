// concur-race: no
// trap: member function entry std::thread(&C::run, this), fields under the member mutex
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

class Counter {
public:
  void start() {
    std::thread a(&Counter::run, this);
    std::thread b(&Counter::run, this);
    a.join();
    b.join();
  }
  int hits() const { return hits_; }

private:
  void run() {
    for (int i = 0; i < 100; ++i) {
      std::lock_guard<std::mutex> g(mu_);
      this->hits_++;
    }
  }
  std::mutex mu_;
  int hits_ = 0;
};

int main() {
  Counter c;
  c.start();
  std::printf("%d\n", c.hits());
  return 0;
}
