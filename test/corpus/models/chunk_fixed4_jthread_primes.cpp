// concur-site: manual-chunking
// expect-target: parallel_for
// trap: a fixed four chunks with std::jthread (joined at scope end), counts into an array slot per chunk
#include <array>
#include <cstdio>
#include <thread>
#include <vector>

static bool prime(int n) {
  if (n < 2) return false;
  for (int d = 2; d * d <= n; ++d)
    if (n % d == 0) return false;
  return true;
}

int main() {
  std::vector<int> candidates;
  for (int n = 0; n < 200000; ++n) candidates.push_back(n);
  std::array<int, 4> counts{};
  {
    std::vector<std::jthread> chunks;
    const std::size_t step = candidates.size() / 4;
    for (std::size_t c = 0; c < 4; ++c) {
      chunks.emplace_back([&, c] {
        for (std::size_t i = c * step; i < (c + 1) * step; ++i) counts[c] += prime(candidates[i]);
      });
    }
  }
  int total = 0;
  for (std::size_t c = 0; c < 4; ++c) {
    std::printf("chunk %zu: %d primes\n", c, counts[c]);
    total += counts[c];
  }
  std::printf("total %d\n", total);
  return 0;
}
