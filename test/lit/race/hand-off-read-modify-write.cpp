// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20
// Read-modify-writes publish like release stores: a fetch_add or compare_exchange with a
// releasing order (or none: seq_cst) orders what was written before it for a thread spinning
// on an acquire load; a relaxed one orders nothing. A spin until a completion counter reaches
// a count waits for every worker's increment, like a latch; a spin until it is non-zero waits
// for one.
#include <atomic>
#include <thread>
#include <vector>

int published;
std::atomic<int> ready{0};
int loose_payload;
std::atomic<int> loose{0};
int swapped;
std::atomic<int> state{0};

int results[4];
std::atomic<int> finished{0};
int partial[4];
std::atomic<int> started{0};

int main() {
  std::thread producer([] {
    published = 1;
    ready.fetch_add(1, std::memory_order_release);
    swapped = 3;
    int expected = 0;
    state.compare_exchange_strong(expected, 1);
    loose_payload = 2;
    loose.fetch_add(1, std::memory_order_relaxed);
  });
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: data race on 'loose_payload': write by thread 'main::(lambda)' conflicts with a read by the main thread{{.*}}[concur-race-unsynchronized-access]
  while (ready.load(std::memory_order_acquire) == 0) {
  }
  while (loose.load(std::memory_order_relaxed) == 0) {
  }
  while (state.load() != 1) {
  }
  int sum = published + loose_payload + swapped;

  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([i] {
      results[i] = i * i;
      finished++;
      partial[i] = i;
      started.fetch_add(1);
    });
// CHECK-MESSAGES: :[[@LINE-3]]:7: warning: data race on 'partial[i]': write by thread 'main::(lambda)' conflicts with a read by the main thread{{.*}}[concur-race-unsynchronized-access]
  while (finished.load() < 4) {
  }
  while (started.load() == 0) {
  }
  for (int i = 0; i < 4; ++i)
    sum += results[i] + partial[i];
  for (std::thread &w : workers)
    w.join();
  return sum;
}
