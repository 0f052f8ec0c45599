// concur-site: none
// expect-target: none
// trap: a long-lived std::jthread metrics flusher looping on its stop_token; started once, stopped by request_stop
#include <atomic>
#include <chrono>
#include <cstdio>
#include <stop_token>
#include <thread>

int main() {
  std::atomic<long> requests{0};
  std::atomic<int> flushes{0};
  std::jthread flusher([&](std::stop_token st) {
    while (!st.stop_requested()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      flushes.fetch_add(1);  // would ship `requests` to the metrics backend
      flushes.notify_all();
    }
  });
  for (int i = 0; i < 300; ++i) {
    requests.fetch_add(1);
    if (i % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  flushes.wait(0);  // at least one flush before stopping, however busy the machine is
  flusher.request_stop();
  flusher.join();
  std::printf("requests %ld, flusher ran: %s\n", requests.load(), flushes.load() > 0 ? "yes" : "no");
  return 0;
}
