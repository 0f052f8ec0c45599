// concur-race: yes
// race-on: calls
// trap: function-local static written (not just initialised) from threads
// tsan: check
#include <cstdio>
#include <thread>

int next_ticket() {
  static int calls = 0;
  return ++calls; // RACE
}

int main() {
  std::thread a([] { for (int i = 0; i < 10; ++i) next_ticket(); });
  std::thread b([] { for (int i = 0; i < 10; ++i) next_ticket(); });
  a.join();
  b.join();
  std::printf("tickets issued\n");
  return 0;
}
