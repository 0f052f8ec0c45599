// concur-site: thread-per-task
// expect-target: parallel_for
// trap: 1,000 std::jthreads in a vector cleared to join; each counts primes in its own block of numbers
#include <cstdio>
#include <thread>
#include <vector>

static bool is_prime(int n) {
  if (n < 2) return false;
  for (int d = 2; d * d <= n; ++d)
    if (n % d == 0) return false;
  return true;
}

int main() {
  constexpr int kBlocks = 1000;
  constexpr int kBlockSize = 100;
  std::vector<int> primes_in_block(kBlocks);
  std::vector<std::jthread> workers;
  for (int b = 0; b < kBlocks; ++b) {
    workers.emplace_back([b, &primes_in_block] {
      int count = 0;
      for (int n = b * kBlockSize; n < (b + 1) * kBlockSize; ++n) count += is_prime(n);
      primes_in_block[b] = count;
    });
  }
  workers.clear();  // joins every jthread

  int total = 0;
  for (int c : primes_in_block) total += c;
  std::printf("primes below %d: %d\n", kBlocks * kBlockSize, total);
  for (int b = 0; b < 4; ++b) std::printf("block %d: %d\n", b, primes_in_block[b]);
  std::printf("block %d: %d\n", kBlocks - 1, primes_in_block[kBlocks - 1]);
  return 0;
}
