// concur-race: no
// trap: shared std::vector filled before spawn, only const member calls in threads
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

std::vector<int> primes;

long count_below(int limit) {
  long n = 0;
  for (std::size_t i = 0; i < primes.size(); ++i)
    if (primes.at(i) < limit)
      ++n;
  return n + (primes.empty() ? 0 : primes.front());
}

int main() {
  for (int p : {2, 3, 5, 7, 11, 13})
    primes.push_back(p);
  long r1 = 0, r2 = 0;
  std::thread a([&r1] { r1 = count_below(6); });
  std::thread b([&r2] { r2 = count_below(12); });
  a.join();
  b.join();
  std::printf("%ld %ld\n", r1, r2);
  return 0;
}
