// concur-race: no
// trap: function-local static counter protected by a function-local static mutex
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

int next_ticket() {
  static std::mutex mu;
  static int calls = 0;
  std::lock_guard<std::mutex> g(mu);
  return ++calls;
}

int main() {
  std::thread a([] { for (int i = 0; i < 10; ++i) next_ticket(); });
  std::thread b([] { for (int i = 0; i < 10; ++i) next_ticket(); });
  a.join();
  b.join();
  std::printf("%d\n", next_ticket());
  return 0;
}
