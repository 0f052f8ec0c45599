// concur-site: manual-chunking
// expect-target: parallel_for
// trap: out[i] = f(in[i]) computed by hardware_concurrency() threads over slices of a 1,000,000-element input
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

static std::uint32_t score(std::uint32_t v) {
  for (int r = 0; r < 8; ++r) v = (v ^ (v >> 15)) * 2246822519u;
  return v % 100;
}

int main() {
  const std::size_t n = 1000000;
  std::vector<std::uint32_t> in(n), out(n);
  for (std::size_t i = 0; i < n; ++i) in[i] = static_cast<std::uint32_t>(i * 2654435761u);

  const unsigned hw = std::thread::hardware_concurrency() ? std::thread::hardware_concurrency() : 2;
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < hw; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t * n / hw; i < (t + 1) * n / hw; ++i) out[i] = score(in[i]);
    });
  }
  for (auto& t : threads) t.join();

  std::uint64_t total = 0;
  for (auto v : out) total += v;
  std::printf("n %zu total %llu out[0..3] %u %u %u %u\n", n, static_cast<unsigned long long>(total), out[0], out[1], out[2], out[3]);
  return 0;
}
