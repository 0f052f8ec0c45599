// concur-race: yes
// race-on: g_temperature
// trap: race between two different thread functions (sensor writes, display reads)
// tsan: check
#include <cstdio>
#include <thread>

double g_temperature = 20.0;

void sensor() {
  for (int i = 0; i < 10; ++i)
    g_temperature = 20.0 + i; // RACE
}

void display(double *out) {
  double m = 0;
  for (int i = 0; i < 10; ++i)
    m += g_temperature; // RACE
  *out = m;
}

int main() {
  double shown = 0;
  std::thread s(sensor);
  std::thread d(display, &shown);
  s.join();
  d.join();
  std::printf("%d\n", shown > 0);
  return 0;
}
