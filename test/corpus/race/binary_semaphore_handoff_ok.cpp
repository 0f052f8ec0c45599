// concur-race: no
// trap: C++20 binary_semaphore release/acquire orders the hand-off
// tsan: check
#include <cstdio>
#include <semaphore>
#include <thread>

std::binary_semaphore ready(0);
int payload = 0;

int main() {
  std::thread t([] {
    payload = 123;
    ready.release();
  });
  ready.acquire();
  int v = payload;
  t.join();
  std::printf("%d\n", v);
  return 0;
}
