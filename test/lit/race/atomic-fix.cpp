// RUN: %check_concur %s %t --fix -- --checks='-*,concur-race-unsynchronized-access'
// RUN: clang++-19 -std=c++20 -fsyntax-only %t.cpp
#include <cstdio>
#include <thread>
#include <vector>
// CHECK-FIXES: #include <vector>
// CHECK-FIXES-NEXT: #include <atomic>

static long hits = 0;
// CHECK-FIXES: static std::atomic<long> hits = 0;
int flags;
// CHECK-FIXES: {{^}}int flags;
unsigned *cursor;
// CHECK-FIXES: std::atomic<unsigned *> cursor;

void work() {
  for (int i = 0; i < 1000; ++i) {
    ++hits;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'hits'
    flags |= 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'flags'
    cursor = nullptr;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'cursor'
  }
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(work);
  for (auto &t : threads)
    t.join();
  std::printf("%d\n", flags); // varargs: an atomic cannot be passed here, so 'flags' keeps its type
  return int(hits) + (cursor != nullptr);
}
