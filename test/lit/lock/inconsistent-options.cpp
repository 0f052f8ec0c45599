// RUN: printf 'CheckOptions:\n  concur-lock-inconsistent.MinGuardedRatio: "0.9"\n' > %t.ratio.yaml
// RUN: %check_concur %s %t -- --checks='-*,concur-lock-inconsistent' --config-file=%t.ratio.yaml
// RUN: printf 'CheckOptions:\n  concur-lock-inconsistent.MinGuardedAccesses: "10"\n' > %t.count.yaml
// RUN: %concur --quiet --no-cache %s --checks='-*,concur-lock-inconsistent' --config-file=%t.count.yaml -- -std=c++20 | count 0
// MinGuardedRatio 0.9: 'most' must mean 9 in 10; MinGuardedAccesses 10: no variable here has
// that many guarded accesses.
#include <mutex>
#include <thread>

std::mutex mu;
int rarely_missed; // guarded at 9 of 10 accesses
int often_missed;  // guarded at 2 of 3: below 0.9

void guarded() {
  std::lock_guard<std::mutex> lock(mu);
  rarely_missed += 1;
  rarely_missed += 2;
  rarely_missed += 3;
  rarely_missed += 4;
  rarely_missed += 5;
  rarely_missed += 6;
  rarely_missed += 7;
  rarely_missed += 8;
  rarely_missed += 9;
  often_missed += 1;
  often_missed += 2;
}

void unguarded() {
  rarely_missed = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rarely_missed' is guarded by 'mu' at 9 of 10 accesses, but not here
  often_missed = 0;
}

int main() {
  std::thread a(guarded), b(unguarded);
  a.join();
  b.join();
}
