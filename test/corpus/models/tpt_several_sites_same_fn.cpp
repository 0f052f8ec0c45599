// concur-site: thread-per-task
// expect-target: thread_pool
// trap: no loop: four std::thread sites over the same function, joined one by one
#include <chrono>
#include <cstdio>
#include <thread>

static void read_sensor(int channel, double* out) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the bus is slow
  *out = channel * 1.5 + 20.0;
}

int main() {
  double temp[4] = {};
  std::thread a(read_sensor, 0, &temp[0]);
  std::thread b(read_sensor, 1, &temp[1]);
  std::thread c(read_sensor, 2, &temp[2]);
  std::thread d(read_sensor, 3, &temp[3]);
  a.join();
  b.join();
  c.join();
  d.join();
  for (int i = 0; i < 4; ++i) std::printf("channel %d: %.1f C\n", i, temp[i]);
  return 0;
}
