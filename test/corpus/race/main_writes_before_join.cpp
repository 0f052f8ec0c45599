// concur-race: yes
// race-on: config_value
// trap: main writes after spawn but before join
// tsan: check
#include <cstdio>
#include <thread>

int config_value = 1;
int seen = 0;

void reader() {
  seen = config_value; // RACE
}

int main() {
  std::thread t(reader);
  config_value = 2; // RACE
  t.join();
  std::printf("ok\n");
  return 0;
}
