// concur-race: yes
// race-on: counter
// trap: unprotected global counter incremented by two std::threads
// tsan: check
#include <cstdio>
#include <thread>

int counter = 0;

void work() {
  for (int i = 0; i < 1000; ++i)
    counter++; // RACE
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  std::printf("done\n");
  return 0;
}
