// concur-race: yes
// race-on: *out
// trap: address of a local passed to two threads
// tsan: check
#include <cstdio>
#include <thread>

void produce(long *out, int n) {
  for (int i = 0; i < n; ++i)
    *out += i; // RACE
}

int main() {
  long acc = 0;
  std::thread a(produce, &acc, 10);
  std::thread b(produce, &acc, 10);
  a.join();
  b.join();
  std::printf("produced\n");
  return 0;
}
