// RUN: %check_concur %s %t -- --checks='-*,concur-mt-unsafe-call'
// Expects no finding at all: with no CHECK lines, check_concur.py fails on any finding.
// No thread is ever started: clang-tidy's concurrency-mt-unsafe would flag these, concur does not.
#include <cstdlib>
#include <cstring>
#include <ctime>

int main() {
  char line[] = "a b";
  strtok(line, " ");
  std::time_t now = std::time(nullptr);
  std::localtime(&now);
  return std::rand() % 2 + (std::getenv("HOME") != nullptr);
}
