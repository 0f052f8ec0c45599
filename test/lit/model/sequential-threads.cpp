// RUN: %check_concur %s %t -- --checks='-*,concur-model-*'
// A thread started and joined in the same iteration runs alone: there is no fan-out to move
// onto a pool, so no concur-model-* check reports it.
#include <thread>

long total = 0;

void rounds() {
  for (int round = 0; round < 8; ++round) {
    std::thread t([round] { total += round; });
    t.join();
  }
}

int main() { rounds(); }
