// concur-race: no
// trap: the producer fills a buffer, then claims a state word with a seq_cst compare_exchange; the consumer spins until it sees the claimed state and reads the buffer
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

static char buffer[64];
static std::atomic<int> state{0};

int main() {
  std::thread producer([] {
    std::snprintf(buffer, sizeof buffer, "report %d", 42);
    int expected = 0;
    while (!state.compare_exchange_weak(expected, 1)) expected = 0;
  });
  while (state.load() != 1) {
  }
  std::printf("%s\n", buffer);
  producer.join();
  return 0;
}
