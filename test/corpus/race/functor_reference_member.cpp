// concur-race: yes
// race-on: sink
// trap: function object with a reference member; two threads get copies that alias one int
// tsan: check
#include <cstdio>
#include <thread>

struct Collector {
  int &sink;
  int weight;
  void operator()() const {
    for (int i = 0; i < 10; ++i)
      sink += weight; // RACE
  }
};

int main() {
  int total = 0;
  std::thread a(Collector{total, 1});
  std::thread b(Collector{total, 2});
  a.join();
  b.join();
  std::printf("collected\n");
  return 0;
}
