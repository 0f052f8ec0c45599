// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// RUN: cp %t.cpp %t.again.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.again.cpp -- -std=c++20 -I%concur_source/runtime/include
// RUN: diff %t.cpp %t.again.cpp
// Futures kept beside a key, in a map or in pairs, and read through a structured binding or
// `.second`: the future's own calls are renamed, the key's uses are left alone.
#include <cstdio>
#include <future>
#include <map>
#include <string>
#include <utility>
#include <vector>

int length(std::string s) { return int(s.size()); }

void byBinding() {
  std::map<std::string, std::future<int>> jobs;
  for (std::string w : {"a", "bb", "ccc"})
    jobs[w] = std::async(std::launch::async, length, w);
  for (auto &[name, job] : jobs)
    std::printf("%s %d\n", name.c_str(), job.get());
}
// CHECK-MESSAGES: :[[@LINE-4]]:15: warning: 3 std::async tasks {{.*}}[concur-model-async-fanout]
// CHECK-FIXES: std::map<std::string, concur::future<int>> jobs;
// CHECK-FIXES: jobs[w] = pool.submit(length, w);
// CHECK-FIXES: std::printf("%s %d\n", name.c_str(), job.result());

void bySecond() {
  std::vector<std::pair<std::string, std::future<int>>> jobs;
  for (std::string w : {"a", "bb", "ccc"})
    jobs.emplace_back(w, std::async(std::launch::async, length, w));
  for (auto &kv : jobs)
    std::printf("%s %d\n", kv.first.c_str(), kv.second.get());
}
// CHECK-MESSAGES: :[[@LINE-4]]:26: warning: 3 std::async tasks {{.*}}[concur-model-async-fanout]
// CHECK-FIXES: std::vector<std::pair<std::string, concur::future<int>>> jobs;
// CHECK-FIXES: jobs.emplace_back(w, pool.submit(length, w));
// CHECK-FIXES: std::printf("%s %d\n", kv.first.c_str(), kv.second.result());

// A future inside a type of the project's own would need that type changed: no fix.
struct Job {
  std::string name;
  std::future<int> result;
};
void inOwnStruct() {
  std::vector<Job> jobs;
  for (std::string w : {"a", "bb", "ccc"})
    jobs.push_back(Job{w, std::async(std::launch::async, length, w)});
  for (auto &j : jobs)
    std::printf("%s %d\n", j.name.c_str(), j.result.get());
}
// CHECK-MESSAGES: :[[@LINE-4]]:27: warning: 3 std::async tasks {{.*}}[concur-model-async-fanout]
// CHECK-MESSAGES: :[[@LINE-5]]:27: note: no automatic rewrite: the future is used in a way the rewrite cannot follow
// CHECK-FIXES: jobs.push_back(Job{w, std::async(std::launch::async, length, w)});
