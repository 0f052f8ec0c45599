// RUN: %check_concur %s %t --fix -- --fix-notes --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// --fix alone leaves a serial loop as it is: its rewrite sits on a note.
// RUN: sed -e '/CHECK-/d' %s > %t.plain.cpp
// RUN: cp %t.plain.cpp %t.fixed.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.fixed.cpp -- -std=c++20
// RUN: diff %t.plain.cpp %t.fixed.cpp
#include <string>
#include <unistd.h>
#include <vector>

static long fetch(int fd) {
  char buf[128];
  return read(fd, buf, sizeof buf);
}

// One independent blocking call per item, each result in its own slot.
void by_index(const std::vector<int> &fds, std::vector<long> &sizes) {
  for (std::size_t i = 0; i < fds.size(); ++i)
    sizes[i] = fetch(fds[i]);
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: a loop over its items makes independent blocking calls{{.*}}[concur-model-serial-blocking-loop]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: the calls can overlap on a thread pool, results kept in order (applied by --fix-notes)
// CHECK-FIXES: void by_index(const std::vector<int> &fds, std::vector<long> &sizes) {
// CHECK-FIXES-NEXT: concur::thread_pool pool(std::clamp<std::size_t>(fds.size(), 1, 32));
// CHECK-FIXES-NEXT: pool.parallel_for(0, fds.size(), [&](std::size_t i) { sizes[i] = fetch(fds[i]); });
// CHECK-FIXES-NEXT: }

// Appending each result keeps the order with the pool's map.
std::vector<long> appended(const std::vector<int> &fds) {
  std::vector<long> sizes;
  for (const int &fd : fds)
    sizes.push_back(fetch(fd));
  return sizes;
}
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: a loop over its items makes independent blocking calls{{.*}}[concur-model-serial-blocking-loop]
// CHECK-FIXES: std::vector<long> sizes;
// CHECK-FIXES-NEXT: concur::thread_pool pool(32);
// CHECK-FIXES-NEXT: for (auto &result : pool.map([&](const int &fd) { return fetch(fd); }, fds))
// CHECK-FIXES-NEXT: sizes.push_back(std::move(result));
// CHECK-FIXES-NEXT: return sizes;

// Each read depends on the last: not a serial blocking loop at all.
long chained(int fd) {
  long total = 0;
  for (int i = 0; i < 4; ++i)
    total += fetch(fd + int(total));
  return total;
}
// CHECK-FIXES: total += fetch(fd + int(total));
