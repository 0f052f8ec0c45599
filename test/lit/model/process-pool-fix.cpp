// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// MT-unsafe work computed per index moves to a process pool: the function is registered, each
// thread becomes a submit, and the join loop stores each result in its slot.
#include <cstdlib>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

static std::mutex rand_lock;

static double sample(unsigned seed) {
  std::lock_guard<std::mutex> guard(rand_lock); // rand() has one hidden state
  std::srand(seed);
  double sum = 0;
  for (int k = 0; k < 1000; ++k)
    sum += std::rand() % 100;
  return sum;
}
// CHECK-FIXES: {{^}}}
// CHECK-FIXES-NEXT: CONCUR_REGISTER(sample);

void run(std::vector<double> &out) {
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < out.size(); ++i)
    threads.emplace_back([i, &out] { out[i] = sample(unsigned(i) + 7); });
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: {{.*}}use concur::process_pool{{.*}}[concur-model-mt-unsafe-parallel]
// CHECK-FIXES: std::vector<concur::future<double>> threads;
// CHECK-FIXES-NEXT: concur::process_pool pool;
// CHECK-FIXES-NEXT: for (std::size_t i = 0; i < out.size(); ++i)
// CHECK-FIXES-NEXT: threads.emplace_back(pool.submit(sample, unsigned(i) + 7));
// CHECK-FIXES-NEXT: for (std::size_t i = 0; i < out.size(); ++i)
// CHECK-FIXES-NEXT: out[i] = threads[i].result();

// A pointer argument has no codec (a worker process cannot see the caller's memory): no fix.
static long count_tokens(const char *text) {
  std::lock_guard<std::mutex> guard(rand_lock);
  return std::rand() % (text[0] + 1);
}
void tokens(const std::vector<const char *> &texts, std::vector<long> &counts) {
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < texts.size(); ++i)
    threads.emplace_back([i, &texts, &counts] { counts[i] = count_tokens(texts[i]); });
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: {{.*}}use concur::process_pool{{.*}}[concur-model-mt-unsafe-parallel]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: no automatic rewrite: 'count_tokens' takes 'text' as 'const char *', which a process pool cannot copy to a worker
// CHECK-FIXES: threads.emplace_back([i, &texts, &counts] { counts[i] = count_tokens(texts[i]); });

// Threads kept in an array, one stored per index, become an array of futures.
void in_array(double (&out)[4]) {
  std::thread workers[4];
  for (int w = 0; w < 4; ++w)
    workers[w] = std::thread([w, &out] { out[w] = sample(unsigned(w)); });
  for (int w = 0; w < 4; ++w)
    workers[w].join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:18: warning: {{.*}}use concur::process_pool{{.*}}[concur-model-mt-unsafe-parallel]
// CHECK-FIXES: concur::future<double> workers[4];
// CHECK-FIXES-NEXT: concur::process_pool pool;
// CHECK-FIXES-NEXT: for (int w = 0; w < 4; ++w)
// CHECK-FIXES-NEXT: workers[w] = pool.submit(sample, unsigned(w));
// CHECK-FIXES-NEXT: for (int w = 0; w < 4; ++w)
// CHECK-FIXES-NEXT: out[w] = workers[w].result();

// The same work through std::async: its futures come from a process pool (one registration of
// the function serves both sites).
std::vector<double> async_samples(std::size_t n) {
  std::vector<std::future<double>> futures;
  for (std::size_t i = 0; i < n; ++i)
    futures.push_back(std::async(std::launch::async, sample, unsigned(i) + 7));
  std::vector<double> out;
  for (auto &f : futures)
    out.push_back(f.get());
  return out;
}
// CHECK-MESSAGES: :[[@LINE-6]]:23: warning: {{.*}}use concur::process_pool{{.*}}[concur-model-async-fanout]
// CHECK-FIXES: std::vector<concur::future<double>> futures;
// CHECK-FIXES-NEXT: concur::process_pool pool;
// CHECK-FIXES-NEXT: for (std::size_t i = 0; i < n; ++i)
// CHECK-FIXES-NEXT: futures.push_back(pool.submit(sample, unsigned(i) + 7));
// CHECK-FIXES: out.push_back(f.result());
