// concur-race: no
// trap: two different thread functions share a variable under one mutex
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex temp_mu;
double g_temperature = 20.0;

void sensor() {
  for (int i = 0; i < 10; ++i) {
    std::lock_guard<std::mutex> g(temp_mu);
    g_temperature = 20.0 + i;
  }
}

void display(double *out) {
  double m = 0;
  for (int i = 0; i < 10; ++i) {
    std::lock_guard<std::mutex> g(temp_mu);
    m += g_temperature;
  }
  *out = m;
}

int main() {
  double shown = 0;
  std::thread s(sensor);
  std::thread d(display, &shown);
  s.join();
  d.join();
  std::printf("%.0f\n", g_temperature + (shown > 0));
  return 0;
}
