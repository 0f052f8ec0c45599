// concur-race: no
// trap: locks held in a container (striped mutex array indexed like the data)
// tsan: check
#include <array>
#include <cstdio>
#include <mutex>
#include <thread>

constexpr int kBuckets = 4;
std::array<std::mutex, kBuckets> locks;
std::array<int, kBuckets> buckets{};

void add(int key) {
  int b = key % kBuckets;
  std::lock_guard<std::mutex> g(locks[b]);
  buckets[b] += 1;
}

int main() {
  std::thread a([] { for (int i = 0; i < 100; ++i) add(i); });
  std::thread b([] { for (int i = 0; i < 100; ++i) add(i * 3); });
  a.join();
  b.join();
  std::printf("%d %d %d %d\n", buckets[0], buckets[1], buckets[2], buckets[3]);
  return 0;
}
