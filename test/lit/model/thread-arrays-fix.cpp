// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// RUN: cp %t.cpp %t.again.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.again.cpp -- -std=c++20 -I%concur_source/runtime/include
// RUN: diff %t.cpp %t.again.cpp
// Threads kept in a C array or a std::array, one stored per index (`ts[i] = std::thread(…)`)
// and joined by a loop, are a parallel_for when the work is CPU-bound, as with a vector.
#include <array>
#include <thread>

static long out[4];
static void crunch(int i) {
  long s = 0;
  for (long k = 0; k < 100000; ++k)
    s = (s * 31 + k * i) % 1000003;
  out[i] = s;
}

void cArray() {
  std::thread workers[4];
  for (int t = 0; t < 4; ++t)
    workers[t] = std::thread(crunch, t);
  for (int t = 0; t < 4; ++t)
    workers[t].join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:18: warning: 4 threads run cpu-bound 'crunch' {{.*}}use concur::thread_pool::parallel_for{{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void cArray() {
// CHECK-FIXES-NEXT: concur::thread_pool pool(4);
// CHECK-FIXES-NEXT: pool.parallel_for(0, 4, [&](int t) { crunch(t); });
// CHECK-FIXES-NEXT: }

void stdArray(std::array<double, 4> &results) {
  std::array<std::thread, 4> pool;
  for (std::size_t i = 0; i < 4; ++i) {
    pool[i] = std::thread([&results, i] {
      double s = 0;
      for (int k = 1; k < 100000; ++k)
        s += 1.0 / (k + double(i));
      results[i] = s;
    });
  }
  for (auto &t : pool)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-10]]:15: warning: 4 threads run cpu-bound {{.*}}use concur::thread_pool::parallel_for{{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void stdArray(std::array<double, 4> &results) {
// CHECK-FIXES-NEXT: concur::thread_pool task_pool(4);
// CHECK-FIXES-NEXT: task_pool.parallel_for(0, 4, [&](std::size_t i) {
// CHECK-FIXES-NEXT: double s = 0;
