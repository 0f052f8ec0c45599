// RUN: %check_concur %s %t --fix -- --fix-notes --checks='-*,concur-model-*'
// A serial loop whose calls print would print in the order the calls finish once they overlap;
// a future type written through an alias would keep naming std::future after the rewrite. Both
// get their recommendation with a note saying why there is no fix.
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

static int lookup(int id) {
  std::printf("looking up %d\n", id);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return id * 3;
}
void prints_progress(const std::vector<int> &ids, std::vector<int> &out) {
  for (size_t i = 0; i < ids.size(); ++i)
    out[i] = lookup(ids[i]);
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: a loop over its items makes independent blocking calls{{.*}}[concur-model-serial-blocking-loop]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: no automatic rewrite: 'lookup' prints ('printf' at {{.*}}:12), and the lines would come out in the order the calls finish
// CHECK-FIXES: out[i] = lookup(ids[i]);

static int square(int x) { return x * x; }
using SquareFuture = std::future<int>;
int aliased_future() {
  std::vector<SquareFuture> futures;
  for (int i = 0; i < 4; ++i)
    futures.push_back(std::async(std::launch::async, square, i));
  int total = 0;
  for (auto &f : futures)
    total += f.get();
  return total;
}
// CHECK-MESSAGES: :[[@LINE-6]]:23: warning: {{.*}}[concur-model-async-fanout]
// CHECK-MESSAGES: :[[@LINE-7]]:23: note: no automatic rewrite: the handle's type is written through the alias 'SquareFuture', which other code may use; spell the type out to get a fix
// CHECK-FIXES: futures.push_back(std::async(std::launch::async, square, i));
