// concur-race: yes
// race-on: this->hits_
// trap: member function thread entry std::thread(&C::run, this) twice on one object
// tsan: check
#include <cstdio>
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
    for (int i = 0; i < 100; ++i)
      this->hits_++; // RACE
  }
  int hits_ = 0;
};

int main() {
  Counter c;
  c.start();
  std::printf("%d\n", c.hits() > 0);
  return 0;
}
