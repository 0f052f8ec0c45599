// RUN: %concur --quiet --no-cache --checks='-*,concur-model-*' %s -- -std=c++20 | FileCheck --allow-empty %s
// CHECK-NOT: concur-model-
// The same loop with two threads per iteration is a fan-out, and is reported: the check is live.
// RUN: sed -e 's|^    t.join();$|    std::thread u([round] { total += round; });\n    t.join();\n    u.join();|' %s > %t.two.cpp
// RUN: %concur --quiet --no-cache --checks='-*,concur-model-*' %t.two.cpp -- -std=c++20 | FileCheck --check-prefix=TWO %s
// TWO: warning: {{.*}}[concur-model-thread-per-task]
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
