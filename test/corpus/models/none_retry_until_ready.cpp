// concur-site: none
// expect-target: none
// trap: a loop of sleeps that polls a condition and breaks: each iteration depends on the previous outcome
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

static std::atomic<int> ready_after{5};

static bool service_ready(int attempt) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2));  // probe the service
  return attempt >= ready_after.load();
}

int main() {
  int attempt = 0;
  int backoff_ms = 1;
  for (; attempt < 20; ++attempt) {
    if (service_ready(attempt)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(backoff_ms));
    backoff_ms = backoff_ms < 4 ? backoff_ms * 2 : 4;
  }
  std::printf("ready after %d attempts, final backoff %d ms\n", attempt, backoff_ms);
  return 0;
}
