// concur-site: serial-blocking-loop
// expect-target: map
// trap: a loop reading several files the program wrote itself, each read independent; results into a vector by index
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

static std::size_t count_lines(const fs::path& p) {
  std::ifstream in(p);
  std::size_t n = 0;
  std::string line;
  while (std::getline(in, line)) ++n;
  return n;
}

int main() {
  fs::path dir = fs::temp_directory_path() / ("concur_corpus_serial_files_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<fs::path> paths;
  for (int i = 0; i < 6; ++i) paths.push_back(dir / ("log" + std::to_string(i) + ".txt"));
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::ofstream out(paths[i]);
    for (std::size_t l = 0; l < 100 * (i + 1); ++l) out << "line " << l << '\n';
  }

  std::vector<std::size_t> counts(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) counts[i] = count_lines(paths[i]);

  for (std::size_t i = 0; i < paths.size(); ++i) std::printf("%s: %zu lines\n", paths[i].filename().c_str(), counts[i]);
  fs::remove_all(dir);
  return 0;
}
