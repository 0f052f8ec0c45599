// RUN: %check_concur %s %t -- --checks='-*,concur-mt-unsafe-call'
// Expects no finding at all: with no CHECK lines, check_concur.py fails on any finding.
// Threads exist, but the non-thread-safe call is made only by main's own code.
#include <cstdlib>
#include <thread>

int counter_work(int n) { return n * 2; }

int main() {
  std::thread t([] { counter_work(3); });
  int seed = std::rand();
  t.join();
  return seed % 2;
}
