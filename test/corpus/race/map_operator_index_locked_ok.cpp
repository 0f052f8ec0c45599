// concur-race: no
// trap: std::map operator[] under a lock in every thread
// tsan: check
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>

std::map<std::string, int> word_count;
std::mutex wc_mu;

void count_words(const char *w, int times) {
  for (int i = 0; i < times; ++i) {
    std::lock_guard<std::mutex> g(wc_mu);
    word_count[w] += 1;
  }
}

int main() {
  std::thread a(count_words, "alpha", 10);
  std::thread b(count_words, "beta", 20);
  std::thread c(count_words, "alpha", 5);
  a.join();
  b.join();
  c.join();
  std::printf("%d %d\n", word_count["alpha"], word_count["beta"]);
  return 0;
}
