// concur-site: manual-chunking
// expect-target: parallel_for
// trap: per-chunk local histograms merged afterwards; zero hardware_concurrency() falls back to 2; remainder spread
#include <array>
#include <cstdio>
#include <cstdint>
#include <thread>
#include <vector>

int main() {
  std::vector<std::uint8_t> pixels(1 << 20);
  std::uint32_t s = 12345;
  for (auto& p : pixels) {
    s = s * 1664525u + 1013904223u;
    p = static_cast<std::uint8_t>(s >> 24);
  }

  unsigned n = std::thread::hardware_concurrency();
  if (n == 0) n = 2;
  std::vector<std::array<std::uint32_t, 16>> local(n);
  std::vector<std::thread> threads;
  std::size_t base = pixels.size() / n, extra = pixels.size() % n, start = 0;
  for (unsigned t = 0; t < n; ++t) {
    std::size_t len = base + (t < extra ? 1 : 0);
    threads.emplace_back([&pixels, &local, t, start, len] {
      std::array<std::uint32_t, 16> h{};
      for (std::size_t i = start; i < start + len; ++i) ++h[pixels[i] >> 4];
      local[t] = h;
    });
    start += len;
  }
  for (auto& t : threads) t.join();

  std::array<std::uint32_t, 16> hist{};
  for (const auto& h : local)
    for (int b = 0; b < 16; ++b) hist[b] += h[b];
  for (int b = 0; b < 16; ++b) std::printf("bin %2d: %u\n", b, hist[b]);
  return 0;
}
