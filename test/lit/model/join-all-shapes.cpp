// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// A second --fix finds nothing left to change.
// RUN: cp %t.cpp %t.again.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.again.cpp -- -std=c++20 -I%concur_source/runtime/include
// RUN: diff %t.cpp %t.again.cpp
// Threads joined by an iterator loop, by std::for_each with std::mem_fn or a lambda, by an
// index loop, or behind `joinable()`: every rewrite recognises them as "join them all".
#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

static int slots[8];
static void fetch(int i) {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  slots[i] = i;
}
static long crunch(int i) {
  long s = 0;
  for (long k = 0; k < 100000; ++k)
    s = (s * 31 + k * i) % 1000003;
  return s;
}
static long sums[8];

// The Concurrency-in-Action spelling: the for_each becomes a loop over the results.
void memFn() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(fetch, i);
  std::for_each(threads.begin(), threads.end(), std::mem_fn(&std::thread::join));
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 8 threads run io-bound 'fetch' {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void memFn() {
// CHECK-FIXES-NEXT: std::vector<concur::future<void>> threads;
// CHECK-FIXES: threads.emplace_back(pool.submit(fetch, i));
// CHECK-FIXES-NEXT: for (auto &task : threads)
// CHECK-FIXES-NEXT: task.result();
// CHECK-FIXES-NEXT: }

void lambdaJoin() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(fetch, i);
  std::for_each(threads.begin(), threads.end(), [](std::thread &t) { t.join(); });
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 8 threads run io-bound 'fetch' {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void lambdaJoin() {
// CHECK-FIXES: for (auto &task : threads)
// CHECK-FIXES-NEXT: task.result();

void iteratorLoop() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.push_back(std::thread(fetch, i));
  for (std::vector<std::thread>::iterator it = threads.begin(); it != threads.end(); ++it)
    it->join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:23: warning: 8 threads run io-bound 'fetch' {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void iteratorLoop() {
// CHECK-FIXES: threads.push_back(pool.submit(fetch, i));
// CHECK-FIXES-NEXT: for (auto &task : threads)
// CHECK-FIXES-NEXT: task.result();

// CPU-bound: the whole join statement goes with the threads, whichever shape it has.
void cpuIterator() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([i] { sums[i] = crunch(i); });
  for (auto it = threads.begin(); it != threads.end(); it++)
    (*it).join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: 8 threads run cpu-bound {{.*}}use concur::thread_pool::parallel_for{{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void cpuIterator() {
// CHECK-FIXES-NEXT: concur::thread_pool pool(8);
// CHECK-FIXES-NEXT: pool.parallel_for(0, 8, [&](int i) { sums[i] = crunch(i); });
// CHECK-FIXES-NEXT: }

void cpuMemFn() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([i] { sums[i] = crunch(i); });
  std::for_each(threads.begin(), threads.end(), std::mem_fn(&std::thread::join));
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 8 threads run cpu-bound {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void cpuMemFn() {
// CHECK-FIXES-NEXT: concur::thread_pool pool(8);
// CHECK-FIXES-NEXT: pool.parallel_for(0, 8, [&](int i) { sums[i] = crunch(i); });
// CHECK-FIXES-NEXT: }

void cpuIndexJoinable() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([i] { sums[i] = crunch(i); });
  for (std::size_t i = 0; i < threads.size(); ++i)
    if (threads[i].joinable())
      threads[i].join();
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: 8 threads run cpu-bound {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void cpuIndexJoinable() {
// CHECK-FIXES-NEXT: concur::thread_pool pool(8);
// CHECK-FIXES-NEXT: pool.parallel_for(0, 8, [&](int i) { sums[i] = crunch(i); });
// CHECK-FIXES-NEXT: }

// A loop that does more than join is not "join them all": the threads stay, with the reason.
void joinAndCount(int &joined) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(fetch, i);
  for (auto it = threads.begin(); it != threads.end(); ++it) {
    it->join();
    ++joined;
  }
}
// CHECK-MESSAGES: :[[@LINE-6]]:5: warning: 8 threads run io-bound 'fetch' {{.*}}[concur-model-thread-per-task]
// CHECK-MESSAGES: :[[@LINE-7]]:5: note: no automatic rewrite: 'threads.begin' (line [[@LINE-6]]) has no counterpart on futures
// CHECK-FIXES: void joinAndCount(int &joined) {
// CHECK-FIXES-NEXT: std::vector<std::thread> threads;

// A function given std::ref/std::cref arguments: the direct call in the parallel_for passes
// the references itself.
static void checksum(const std::vector<int> &data, long &out) {
  out = 0;
  for (int x : data)
    out = out * 31 + x;
}
void refArguments(const std::vector<std::vector<int>> &blobs, std::vector<long> &sums) {
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < blobs.size(); ++i)
    threads.emplace_back(checksum, std::cref(blobs[i]), std::ref(sums[i]));
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void refArguments(const std::vector<std::vector<int>> &blobs, std::vector<long> &sums) {
// CHECK-FIXES-NEXT: concur::thread_pool pool;
// CHECK-FIXES-NEXT: pool.parallel_for(0, blobs.size(), [&](std::size_t i) { checksum(blobs[i], sums[i]); });
