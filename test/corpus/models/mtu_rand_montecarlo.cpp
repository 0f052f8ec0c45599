// concur-site: mt-unsafe-parallel
// expect-target: process_pool
// trap: Monte Carlo tasks seeding and drawing from the global rand() state, serialized by a lock to stay reproducible
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

static std::mutex rand_lock;

static double estimate_pi(unsigned seed) {
  std::lock_guard<std::mutex> guard(rand_lock);  // rand() shares one state across threads
  std::srand(seed);
  long inside = 0;
  const long samples = 200000;
  for (long k = 0; k < samples; ++k) {
    double x = std::rand() / static_cast<double>(RAND_MAX);
    double y = std::rand() / static_cast<double>(RAND_MAX);
    if (x * x + y * y <= 1.0) ++inside;
  }
  return 4.0 * static_cast<double>(inside) / static_cast<double>(samples);
}

int main() {
  constexpr int kRuns = 6;
  std::vector<double> estimates(kRuns);
  std::vector<std::thread> runs;
  for (int r = 0; r < kRuns; ++r) runs.emplace_back([r, &estimates] { estimates[r] = estimate_pi(1000u + static_cast<unsigned>(r)); });
  for (auto& t : runs) t.join();
  double mean = 0;
  for (int r = 0; r < kRuns; ++r) {
    std::printf("seed %d: %.5f\n", 1000 + r, estimates[r]);
    mean += estimates[r];
  }
  std::printf("mean %.5f\n", mean / kRuns);
  return 0;
}
