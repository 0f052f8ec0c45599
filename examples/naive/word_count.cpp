// Counts words of several texts on several threads into one map, guarded by a mutex, and
// picks a random sample line per text for the report.
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {
std::mutex counts_mutex;
std::map<std::string, int> counts;

void count_words(const std::string &text) {
  std::istringstream words(text);
  std::string word;
  while (words >> word) {
    std::lock_guard<std::mutex> lock(counts_mutex);
    ++counts[word];
  }
  int sample = std::rand() % 10; // the same generator state, from every thread
  std::cout << "sample " << sample << '\n';
}
} // namespace

int main() {
  const std::vector<std::string> texts = {"a b c a", "b c d", "a a a"};
  std::vector<std::thread> threads;
  for (const std::string &t : texts)
    threads.emplace_back(count_words, t);
  for (auto &t : threads)
    t.join();
  for (const auto &[word, n] : counts)
    std::cout << word << ' ' << n << '\n';
}
