// RUN: %concur --classify --no-cache %s -- -std=c++20 | FileCheck %s
// A chain of `<<` writes to the stream at its head: an ostringstream is no I/O however many
// operators follow it, std::cout is the terminal. A while loop capped by a counter it steps
// (`&& u < 3`) runs at most that many times: constant work.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// CHECK: streams-and-capped-loops.cpp:[[@LINE+1]]:13: joined: trivial
std::string joined(const std::vector<double> &v) {
  std::ostringstream os;
  for (std::size_t i = 0; i < v.size(); ++i)
    os << (i ? "," : "") << v[i];
  return os.str();
}

// CHECK: streams-and-capped-loops.cpp:[[@LINE+2]]:6: printed: io (terminal)
// CHECK-NEXT: io: calls std::operator<< in a loop
void printed(const std::vector<double> &v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    std::cout << (i ? "," : "") << v[i];
}

// CHECK: streams-and-capped-loops.cpp:[[@LINE+1]]:6: format_size: trivial
void format_size(long bytes, char *buf, std::size_t n) {
  const char *units[] = {"B", "KiB", "MiB", "GiB"};
  int u = 0;
  double v = double(bytes);
  while (v >= 1024 && u < 3) {
    v /= 1024;
    u++;
  }
  std::snprintf(buf, n, "%.1f %s", v, units[u]);
}

// CHECK: streams-and-capped-loops.cpp:[[@LINE+1]]:6: halve_until_small: cpu
long halve_until_small(const std::vector<long> &v) {
  long total = 0;
  for (long x : v) {
    int steps = 0;
    while (x > 1) { // no counter caps it
      x /= 2;
      ++steps;
    }
    total += steps;
  }
  return total;
}

// A while loop of nothing but atomic operations waits for another thread, with its core busy.
#include <atomic>
std::atomic_flag busy = ATOMIC_FLAG_INIT;
std::atomic<bool> ready{false};
// CHECK: streams-and-capped-loops.cpp:[[@LINE+2]]:6: spin_lock: sync
// CHECK-NEXT: sync: spins on std::atomic_flag::test_and_set until another thread changes it
void spin_lock() {
  while (busy.test_and_set(std::memory_order_acquire)) {
  }
}
// CHECK: streams-and-capped-loops.cpp:[[@LINE+1]]:6: wait_ready: sync
void wait_ready() {
  while (!ready.load()) {
  }
}
// A loop over data that adds to an atomic counter is not a spin.
// CHECK: streams-and-capped-loops.cpp:[[@LINE+1]]:6: count_positive: cpu
void count_positive(const std::vector<int> &v, std::atomic<long> &total) {
  for (int x : v)
    if (x > 0)
      total.fetch_add(1);
}
