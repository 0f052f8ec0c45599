// concur-site: none
// expect-target: none
// trap: a loop of blocking writes that all append to one shared stream: the order of the writes is the result
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

int main() {
  fs::path journal = fs::temp_directory_path() / ("concur_corpus_journal_" + std::to_string(::getpid()) + ".log");
  {
    std::ofstream out(journal);
    for (int entry = 0; entry < 6; ++entry) {
      out << "entry " << entry << " checksum " << (entry * 7919) % 1000 << '\n';
      out.flush();
      std::this_thread::sleep_for(std::chrono::milliseconds(2));  // fsync-like pause
    }
  }
  std::ifstream in(journal);
  std::string line;
  while (std::getline(in, line)) std::printf("%s\n", line.c_str());
  fs::remove(journal);
  return 0;
}
