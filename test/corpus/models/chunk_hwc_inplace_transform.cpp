// concur-site: manual-chunking
// expect-target: parallel_for
// trap: in-place transform of disjoint slices [begin, end) of one vector; chunk bounds by ceiling division
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

static void normalise(std::vector<double>& v, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) v[i] = std::sqrt(v[i] * v[i] + 1.0) - 1.0;
}

int main() {
  std::vector<double> samples(500000);
  for (std::size_t i = 0; i < samples.size(); ++i) samples[i] = static_cast<double>(i % 1000) / 10.0;

  const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t per = (samples.size() + workers - 1) / workers;
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < workers; ++w) {
    std::size_t b = w * per;
    std::size_t e = std::min(samples.size(), b + per);
    if (b >= e) break;
    pool.emplace_back(normalise, std::ref(samples), b, e);
  }
  for (auto& t : pool) t.join();

  double checksum = 0;
  for (double x : samples) checksum += x;  // serial, in index order: the same on every machine
  std::printf("samples %zu checksum %.6f s[999]=%.6f\n", samples.size(), checksum, samples[999]);
  return 0;
}
