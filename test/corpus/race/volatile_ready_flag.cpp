// concur-race: yes
// race-on: ready
// race-on: payload
// trap: hand-off through a volatile bool flag
// tsan: check
#include <cstdio>
#include <thread>

volatile bool ready = false;
int payload = 0;

int main() {
  std::thread t([] {
    payload = 5; // RACE
    ready = true; // RACE
  });
  while (!ready) { // RACE
  }
  int v = payload; // RACE
  t.join();
  std::printf("%d\n", v);
  return 0;
}
