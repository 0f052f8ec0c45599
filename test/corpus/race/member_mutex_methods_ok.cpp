// concur-race: no
// trap: class with a mutex member; every public method locks it
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

class Machine {
public:
  void loop() {
    for (int i = 0; i < 10; ++i) {
      std::lock_guard<std::mutex> g(mu_);
      if (state_ == 1)
        ticks_++;
    }
  }
  void set_state(int s) {
    std::lock_guard<std::mutex> g(mu_);
    state_ = s;
  }
  int ticks() {
    std::lock_guard<std::mutex> g(mu_);
    return ticks_;
  }

private:
  std::mutex mu_;
  int state_ = 0;
  int ticks_ = 0;
};

int main() {
  Machine m;
  std::thread t(&Machine::loop, &m);
  m.set_state(1);
  t.join();
  std::printf("%d\n", m.ticks() >= 0);
  return 0;
}
