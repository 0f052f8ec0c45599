// concur-race: no
// trap: thread_local variable, each thread has its own copy
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

thread_local int calls = 0;
std::atomic<int> grand_total{0};

static void traced() { ++calls; }

void worker() {
  for (int i = 0; i < 100; ++i)
    traced();
  grand_total += calls;
}

int main() {
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
  std::printf("%d\n", grand_total.load());
  return 0;
}
