// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access,concur-lock-inconsistent'
// A lambda run as several threads: its own locals are each instance's, even though a lambda's
// locals are named inside the function that spawns it; what it captures by reference is shared.
#include <map>
#include <mutex>
#include <thread>
#include <vector>

int main() {
  std::map<int, long> histogram;
  std::mutex m;
  long unguarded = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.push_back(std::thread([t, &histogram, &m, &unguarded] {
      std::map<int, long> local; // each thread's own
      for (int k = 0; k < 100; ++k)
        ++local[(k * t) % 10];
      unguarded += 1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'unguarded': write by thread 'main::(lambda)' conflicts with a write by another instance of thread 'main::(lambda)'; held nothing here, nothing there [concur-race-unsynchronized-access]
      // CHECK-MESSAGES: :[[@LINE-6]]:23: note: thread 'main::(lambda)' started here by 'main' (several instances may run at once)
      // CHECK-MESSAGES: :[[@LINE-3]]:7: note: conflicting write of 'unguarded' by another instance of thread 'main::(lambda)', holding nothing
      std::lock_guard<std::mutex> g(m);
      for (auto &[bucket, count] : local)
        histogram[bucket] += count;
    }));
  for (auto &th : threads)
    th.join();
  return int(histogram.size() + unguarded);
}

// A file-local helper sharing its reference parameter with the threads it starts: the
// parameter is one object for all of them (a static function's names carry its file).
static void add_twice(long &total) {
  std::vector<std::thread> pool;
  for (int t = 0; t < 2; ++t)
    pool.emplace_back([&total] { total += 1; });
  for (auto &th : pool)
    th.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:34: warning: data race on 'total': write by thread 'add_twice::(lambda)' conflicts with a write by another instance of thread 'add_twice::(lambda)'{{.*}}[concur-race-unsynchronized-access]
long use_add_twice() {
  long total = 0;
  add_twice(total);
  return total;
}
