// concur-site: async-fanout
// expect-target: executor
// trap: std::async with the default launch policy and a lambda; futures collected with emplace_back
#include <cstdio>
#include <fstream>
#include <future>
#include <string>
#include <unistd.h>
#include <vector>

int main() {
  const std::string base = "/tmp/concur_corpus_async_default_" + std::to_string(::getpid()) + "_";
  std::vector<std::future<std::size_t>> pending;
  for (int i = 0; i < 6; ++i) {
    pending.emplace_back(std::async([base, i] {
      std::string path = base + std::to_string(i);
      {
        std::ofstream(path) << std::string(static_cast<std::size_t>(100 * (i + 1)), 'x');
      }
      std::ifstream in(path, std::ios::ate | std::ios::binary);
      std::size_t size = static_cast<std::size_t>(in.tellg());
      std::remove(path.c_str());
      std::size_t weight = 0;
      for (std::size_t k = 0; k < size * 50; ++k) weight += k % 7;
      return size + weight % 10;
    }));
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    std::size_t v = pending[i].get();
    std::printf("file %zu: %zu\n", i, v);
    total += v;
  }
  std::printf("total %zu\n", total);
  return 0;
}
