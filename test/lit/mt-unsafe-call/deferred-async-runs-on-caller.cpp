// RUN: %check_concur %s %t -- --checks='-*,concur-mt-unsafe-call'
// Expects no finding at all: with no CHECK lines, check_concur.py fails on any finding.
// std::launch::deferred runs the work on the thread that calls get(): here, main.
#include <cstdlib>
#include <future>

int roll() { return std::rand() % 6; }

int main() {
  auto later = std::async(std::launch::deferred, roll);
  return later.get();
}
