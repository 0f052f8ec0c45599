// concur-site: thread-per-task
// expect-target: map
// trap: small fan-out (8) of CPU work over a vector of strings, result by value in a parallel vector
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

static std::uint32_t fnv1a_rounds(const std::string& s) {
  std::uint32_t h = 2166136261u;
  for (int round = 0; round < 2000; ++round)
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

int main() {
  const std::vector<std::string> keys = {"apple", "banana", "cherry", "damson", "elderberry", "fig", "grape", "huckleberry"};
  std::vector<std::uint32_t> digests(keys.size());
  std::vector<std::thread> ts;
  for (std::size_t i = 0; i < keys.size(); ++i) ts.emplace_back([&keys, &digests, i] { digests[i] = fnv1a_rounds(keys[i]); });
  for (auto& t : ts) t.join();
  for (std::size_t i = 0; i < keys.size(); ++i) std::printf("%-12s %08x\n", keys[i].c_str(), static_cast<unsigned>(digests[i]));
  return 0;
}
