// concur-site: none
// expect-target: none
// trap: a loop of blocking file reads where each read's path comes from the previous read (loop-carried dependence)
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

int main() {
  fs::path dir = fs::temp_directory_path() / ("concur_corpus_chain_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const int order[] = {0, 3, 1, 4, 2, 5};
  for (int k = 0; k < 6; ++k) {
    std::ofstream out(dir / ("node" + std::to_string(order[k]) + ".txt"));
    out << (k + 1 < 6 ? "node" + std::to_string(order[k + 1]) + ".txt" : std::string("end")) << '\n';
  }

  std::vector<std::string> visited;
  std::string current = "node0.txt";
  while (current != "end") {
    visited.push_back(current);
    std::ifstream in(dir / current);
    std::getline(in, current);  // the next file to open is inside this one
  }
  for (const auto& v : visited) std::printf("%s\n", v.c_str());
  fs::remove_all(dir);
  return 0;
}
