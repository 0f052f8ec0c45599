// concur-site: none
// expect-target: none
// trap: a watchdog thread polling a heartbeat until told to stop; the real work stays on main
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

int main() {
  std::atomic<long> heartbeat{0};
  std::atomic<bool> stop{false};
  std::atomic<int> checks{0};
  std::thread watchdog([&] {
    long last = -1;
    while (!stop.load()) {
      long now = heartbeat.load();
      if (now == last) {
        // a real watchdog would log or restart the worker here
      }
      last = now;
      checks.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });

  long acc = 0;
  for (int step = 0; step < 50; ++step) {
    for (int k = 0; k < 20000; ++k) acc = (acc * 7 + k) % 100003;
    heartbeat.fetch_add(1);
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  stop = true;
  watchdog.join();
  std::printf("result %ld, heartbeats %ld, watchdog ran: %s\n", acc, heartbeat.load(), checks.load() > 0 ? "yes" : "no");
  return 0;
}
