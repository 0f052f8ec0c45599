// concur-site: thread-per-task
// expect-target: thread_pool
// trap: lambda captures everything by reference [&] except the loop index; results and inputs live on main's stack
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

static int lookup_price(int sku) {
  std::this_thread::sleep_for(std::chrono::milliseconds(3));  // a slow inventory service
  return (sku * 37) % 1000 + 1;
}

int main() {
  const std::vector<int> skus = {1001, 1002, 1005, 1010, 1013, 1021, 1034, 1055, 1089, 1144};
  std::vector<int> prices(skus.size(), 0);
  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < skus.size(); ++i) {
    pool.push_back(std::thread([&, i]() { prices[i] = lookup_price(skus[i]); }));
  }
  for (std::thread& t : pool) {
    t.join();
  }
  int total = 0;
  for (std::size_t i = 0; i < skus.size(); ++i) {
    std::printf("sku %d: %d\n", skus[i], prices[i]);
    total += prices[i];
  }
  std::printf("total %d\n", total);
  return 0;
}
