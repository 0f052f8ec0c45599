// concur-race: yes
// race-on: g_sum
// trap: the mutex is a local of the thread function, so every thread has its own
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

long g_sum = 0;

void accumulate(int n) {
  std::mutex local_mu;
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> g(local_mu);
    g_sum += i; // RACE
  }
}

int main() {
  std::thread a(accumulate, 50);
  std::thread b(accumulate, 50);
  a.join();
  b.join();
  std::printf("summed\n");
  return 0;
}
