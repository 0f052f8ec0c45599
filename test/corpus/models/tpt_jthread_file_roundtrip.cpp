// concur-site: thread-per-task
// expect-target: thread_pool
// trap: std::jthread per file (joined by destructors at scope end); each task writes then reads back its own temp file
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

static std::size_t roundtrip(const fs::path& path, int n) {
  {
    std::ofstream out(path);
    for (int line = 0; line < n; ++line) out << "record " << line << " of file " << path.filename().string() << '\n';
  }
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.size();
}

int main() {
  fs::path dir = fs::temp_directory_path() / ("concur_corpus_jthread_" + std::to_string(::getpid()));
  fs::create_directories(dir);

  constexpr int kFiles = 6;
  std::vector<std::size_t> sizes(kFiles);
  {
    std::vector<std::jthread> workers;
    for (int i = 0; i < kFiles; ++i) {
      workers.emplace_back([&sizes, &dir, i] { sizes[i] = roundtrip(dir / ("part" + std::to_string(i) + ".txt"), 50 + 10 * i); });
    }
  } // every jthread joins here

  for (int i = 0; i < kFiles; ++i) std::printf("part%d.txt: %zu bytes\n", i, sizes[i]);
  fs::remove_all(dir);
  return 0;
}
