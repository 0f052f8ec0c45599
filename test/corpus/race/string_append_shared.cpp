// concur-race: yes
// race-on: journal
// trap: std::string appended from two threads
// tsan: check
#include <cstdio>
#include <string>
#include <thread>

std::string journal;

void note(char c) {
  for (int i = 0; i < 4; ++i)
    journal += c; // RACE
}

int main() {
  journal.reserve(256);
  std::thread a(note, 'a');
  std::thread b(note, 'b');
  a.join();
  b.join();
  std::printf("%zu\n", journal.size());
  return 0;
}
