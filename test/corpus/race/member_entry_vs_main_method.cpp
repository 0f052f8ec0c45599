// concur-race: yes
// race-on: state_
// trap: worker runs a member function while main calls a setter on the same object
// tsan: check
#include <cstdio>
#include <thread>

class Machine {
public:
  void loop() {
    for (int i = 0; i < 10; ++i)
      if (state_ == 1) // RACE
        ticks_++;
  }
  void set_state(int s) { state_ = s; } // RACE
  int ticks() const { return ticks_; }

private:
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
