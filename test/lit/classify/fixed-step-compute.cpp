// RUN: %concur --classify --no-cache %s -- -std=c++20 | FileCheck %s
// A nest of constant loops is cpu work from 1,000 arithmetic steps on, whatever the input; a
// short fixed loop stays trivial; a rare wait beside many steps makes the work mixed.
#include <chrono>
#include <thread>

// CHECK: fixed-step-compute.cpp:[[@LINE+2]]:6: rounds: cpu [confidence {{[0-9.]+}}]
// CHECK-NEXT: cpu: has a loop of 3000 steps doing arithmetic (fixed-step-compute.cpp:[[@LINE+3]])
long rounds(long seed) {
  long acc = seed;
  for (int k = 0; k < 3000; ++k)
    acc = (acc * 1103515245 + 12345) % 2147483648L;
  return acc;
}

// CHECK: fixed-step-compute.cpp:[[@LINE+1]]:6: nest: cpu
long nest(long seed) {
  long acc = seed;
  for (int i = 0; i < 40; ++i)
    for (int j = 0; j < 40; ++j)
      acc += i * j;
  return acc;
}

// CHECK: fixed-step-compute.cpp:[[@LINE+1]]:6: few: trivial
long few(long seed) {
  long acc = seed;
  for (int k = 0; k < 16; ++k)
    acc = acc * 31 + k;
  return acc;
}

// CHECK: fixed-step-compute.cpp:[[@LINE+1]]:6: task: mixed
long task(int i) {
  if (i % 250 == 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  long acc = i;
  for (int k = 0; k < 3000; ++k)
    acc = (acc * 1103515245 + 12345) % 2147483648L;
  return acc;
}
