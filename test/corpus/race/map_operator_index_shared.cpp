// concur-race: yes
// race-on: word_count
// trap: std::map operator[] on a shared map from two threads
// tsan: check
#include <cstdio>
#include <map>
#include <string>
#include <thread>

std::map<std::string, int> word_count;

void count_words(const char *w) {
  word_count[w] += 1; // RACE
}

int main() {
  word_count["alpha"] = 0;
  std::thread a(count_words, "alpha");
  std::thread b(count_words, "alpha");
  a.join();
  b.join();
  std::printf("%zu\n", word_count.size());
  return 0;
}
