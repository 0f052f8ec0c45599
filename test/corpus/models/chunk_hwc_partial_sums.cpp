// concur-site: manual-chunking
// expect-target: parallel_for
// trap: hardware_concurrency() chunks over a vector, one partial sum slot per chunk, combined after join
#include <cstdio>
#include <numeric>
#include <thread>
#include <vector>

int main() {
  std::vector<long> data(2000000);
  std::iota(data.begin(), data.end(), 1);

  unsigned n_threads = std::thread::hardware_concurrency();
  if (n_threads == 0) n_threads = 4;
  std::vector<long> partial(n_threads, 0);
  std::vector<std::thread> threads;
  std::size_t chunk = data.size() / n_threads;
  for (unsigned t = 0; t < n_threads; ++t) {
    std::size_t begin = t * chunk;
    std::size_t end = (t == n_threads - 1) ? data.size() : begin + chunk;
    threads.emplace_back([&data, &partial, t, begin, end] {
      long s = 0;
      for (std::size_t i = begin; i < end; ++i) s += data[i] % 97;
      partial[t] = s;
    });
  }
  for (auto& th : threads) th.join();
  long total = std::accumulate(partial.begin(), partial.end(), 0L);
  std::printf("sum of residues: %ld\n", total);
  return 0;
}
