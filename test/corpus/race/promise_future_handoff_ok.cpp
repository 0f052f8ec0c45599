// concur-race: no
// trap: value handed over through a promise/future (happens-before), plain global too
// tsan: check
#include <cstdio>
#include <future>
#include <thread>

int side_table[8];

void producer(std::promise<int> p) {
  for (int i = 0; i < 8; ++i)
    side_table[i] = i * 3;
  p.set_value(side_table[7]);
}

int main() {
  std::promise<int> p;
  std::future<int> f = p.get_future();
  std::thread t(producer, std::move(p));
  int v = f.get();
  int s = 0;
  for (int i = 0; i < 8; ++i)
    s += side_table[i];
  t.join();
  std::printf("%d %d\n", v, s);
  return 0;
}
