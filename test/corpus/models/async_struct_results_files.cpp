// concur-site: async-fanout
// expect-target: executor
// trap: futures of a user struct; tasks read files the program wrote itself, then count words
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

struct Stats {
  std::size_t lines = 0;
  std::size_t words = 0;
};

static Stats count(const fs::path& p) {
  std::ifstream in(p);
  Stats s;
  std::string line;
  while (std::getline(in, line)) {
    ++s.lines;
    std::istringstream ws(line);
    std::string w;
    while (ws >> w) ++s.words;
  }
  return s;
}

int main() {
  fs::path dir = fs::temp_directory_path() / ("concur_corpus_async_struct_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<fs::path> files;
  for (int i = 0; i < 5; ++i) {
    files.push_back(dir / ("doc" + std::to_string(i) + ".txt"));
    std::ofstream out(files.back());
    for (int l = 0; l <= i * 3; ++l) out << "the quick brown fox " << l << '\n';
  }

  std::vector<std::future<Stats>> results;
  for (const auto& f : files) results.push_back(std::async(std::launch::async, count, f));
  for (std::size_t i = 0; i < results.size(); ++i) {
    Stats s = results[i].get();
    std::printf("%s: %zu lines, %zu words\n", files[i].filename().c_str(), s.lines, s.words);
  }
  fs::remove_all(dir);
  return 0;
}
