// concur-race: no
// trap: each thread gets its own heap object
// tsan: check
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

struct Accumulator {
  long value = 0;
  void add(int v) { value += v; }
};

int main() {
  std::vector<std::unique_ptr<Accumulator>> accs;
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; ++i) {
    accs.push_back(std::make_unique<Accumulator>());
    Accumulator *mine = accs.back().get();
    ts.emplace_back([mine, i] {
      for (int k = 0; k < 50; ++k)
        mine->add(k + i);
    });
  }
  for (auto &t : ts)
    t.join();
  long s = 0;
  for (auto &a : accs)
    s += a->value;
  std::printf("%ld\n", s);
  return 0;
}
