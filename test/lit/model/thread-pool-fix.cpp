// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// A second --fix finds nothing left to change.
// RUN: cp %t.cpp %t.again.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.again.cpp -- -std=c++20 -I%concur_source/runtime/include
// RUN: diff %t.cpp %t.again.cpp
#include <chrono>
#include <cstdio>
#include <deque>
#include <functional>
#include <latch>
#include <future>
#include <string>
#include <thread>
#include <vector>
// CHECK-FIXES: #include <vector>
// CHECK-FIXES-NEXT: #include <algorithm>
// CHECK-FIXES-NEXT: #include <concur/thread_pool.hpp>

static std::size_t fetch(const std::string &url) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return url.size();
}

// I/O-bound threads: each start is submitted to a pool with a worker per task (up to
// IoPoolThreads), each join waits on its future; the comment on the join survives.
void download(const std::vector<std::string> &urls, std::vector<std::size_t> &sizes) {
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < urls.size(); ++i)
    threads.emplace_back([&sizes, &urls, i] { sizes[i] = fetch(urls[i]); });
  for (std::thread &t : threads)
    t.join(); // every page is in
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: threads (one per item) run io-bound {{.*}}use concur::thread_pool{{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: std::vector<concur::future<void>> threads;
// CHECK-FIXES-NEXT: concur::thread_pool pool(std::clamp<std::size_t>(urls.size(), 1, 32));
// CHECK-FIXES-NEXT: for (std::size_t i = 0; i < urls.size(); ++i)
// CHECK-FIXES-NEXT: threads.emplace_back(pool.submit([&sizes, &urls, i] { sizes[i] = fetch(urls[i]); }));
// CHECK-FIXES-NEXT: for (concur::future<void> &t : threads)
// CHECK-FIXES-NEXT: t.result(); // every page is in

static long crunch(long n) {
  long s = 0;
  for (long k = 0; k < n * 1000; ++k)
    s = (s * 31 + k) % 1000003;
  return s;
}

// CPU-bound threads over an index range: the loop becomes a parallel_for on a pool with one
// worker per core, and the threads' vector, its reserve and the join loop go.
void compute(std::vector<long> &out) {
  std::vector<std::thread> workers;
  workers.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    workers.emplace_back([&out, i] { out[i] = crunch(long(i)); });
  }
  for (auto &w : workers)
    w.join();
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: threads (one per item) run cpu-bound {{.*}}use concur::thread_pool::parallel_for{{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void compute(std::vector<long> &out) {
// CHECK-FIXES-NEXT: concur::thread_pool pool;
// CHECK-FIXES-NEXT: pool.parallel_for(0, out.size(), [&](std::size_t i) { out[i] = crunch(long(i)); });
// CHECK-FIXES-NEXT: }

// Chunks computed in the loop before each start stay in the parallel_for's body.
void chunks(std::vector<long> &data, unsigned parts) {
  std::vector<std::thread> threads;
  std::size_t chunk = data.size() / parts;
  for (unsigned t = 0; t < parts; ++t) {
    std::size_t begin = t * chunk;
    std::size_t end = t + 1 == parts ? data.size() : begin + chunk;
    threads.emplace_back([&data, begin, end] {
      for (std::size_t i = begin; i < end; ++i)
        data[i] = crunch(data[i]);
    });
  }
  for (auto &th : threads)
    th.join();
}
// CHECK-MESSAGES: :[[@LINE-8]]:5: warning: threads (one per item) run cpu-bound {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: void chunks(std::vector<long> &data, unsigned parts) {
// CHECK-FIXES-NEXT: std::size_t chunk = data.size() / parts;
// CHECK-FIXES-NEXT: concur::thread_pool pool;
// CHECK-FIXES-NEXT: pool.parallel_for(0, parts, [&](unsigned t) {
// CHECK-FIXES-NEXT: std::size_t begin = t * chunk;
// CHECK-FIXES-NEXT: std::size_t end = t + 1 == parts ? data.size() : begin + chunk;
// CHECK-FIXES-NEXT: {
// CHECK-FIXES-NEXT: for (std::size_t i = begin; i < end; ++i)
// CHECK-FIXES-NEXT: data[i] = crunch(data[i]);
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: });
// CHECK-FIXES-NEXT: }

// std::async futures become the pool's futures; get() becomes result(), which rethrows a
// task's exception just where get() did.
long mixed(int n) {
  std::vector<std::future<long>> results;
  for (int i = 0; i < n; ++i)
    results.push_back(std::async(std::launch::async, [i] {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return crunch(i);
    }));
  long total = 0;
  for (auto &r : results)
    total += r.get();
  return total;
}
// CHECK-MESSAGES: :[[@LINE-9]]:23: warning: std::async tasks (one per item) {{.*}}[concur-model-async-fanout]
// CHECK-FIXES: std::vector<concur::future<long>> results;
// CHECK-FIXES-NEXT: concur::thread_pool pool(std::clamp<std::size_t>(n, 1, 32));
// CHECK-FIXES-NEXT: for (int i = 0; i < n; ++i)
// CHECK-FIXES-NEXT: results.push_back(pool.submit([i] {
// CHECK-FIXES: total += r.result();

// Separate starts of one function share one pool, and are one finding (at the first).
void worker(int id, std::vector<int> &seen) { seen[id] = id * id; }

void four(std::vector<int> &seen) {
  std::thread a(worker, 0, std::ref(seen));
  std::thread b(worker, 1, std::ref(seen));
  a.join();
  b.join();
}
// CHECK-MESSAGES: :[[@LINE-5]]:15: warning: 2 threads run short 'worker'{{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: concur::thread_pool pool(2);
// CHECK-FIXES-NEXT: auto a = pool.submit(worker, 0, std::ref(seen));
// CHECK-FIXES-NEXT: auto b = pool.submit(worker, 1, std::ref(seen));
// CHECK-FIXES: a.result();
// CHECK-FIXES-NEXT: b.result();

// jthreads joined where their vector's block ends: the pool goes into that block, after the
// vector, so it is destroyed (finishing every task) where the threads were joined, not once
// per iteration.
void fetch_in_block(const std::vector<std::string> &urls, std::vector<std::size_t> &sizes) {
  {
    std::vector<std::jthread> workers;
    for (std::size_t i = 0; i < urls.size(); ++i) {
      workers.emplace_back([&sizes, &urls, i] { sizes[i] = fetch(urls[i]); });
    }
  }
}
// CHECK-MESSAGES: :[[@LINE-4]]:7: warning: threads (one per item) run io-bound {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: std::vector<concur::future<void>> workers;
// CHECK-FIXES-NEXT: concur::thread_pool pool(std::clamp<std::size_t>(urls.size(), 1, 32));
// CHECK-FIXES-NEXT: for (std::size_t i = 0; i < urls.size(); ++i) {
// CHECK-FIXES-NEXT: workers.emplace_back(pool.submit([&sizes, &urls, i] { sizes[i] = fetch(urls[i]); }));

// A std::bind expression runs what its function returns: the handles become futures of it.
static void fetch_into(const std::string &url, std::size_t &size) { size = fetch(url); }
void bound(const std::vector<std::string> &urls, std::vector<std::size_t> &sizes) {
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < urls.size(); ++i)
    threads.emplace_back(std::bind(fetch_into, std::cref(urls[i]), std::ref(sizes[i])));
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: threads (one per item) run io-bound {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: std::vector<concur::future<void>> threads;
// CHECK-FIXES: threads.emplace_back(pool.submit(std::bind(fetch_into, std::cref(urls[i]), std::ref(sizes[i]))));
// CHECK-FIXES-NEXT: for (auto &t : threads)
// CHECK-FIXES-NEXT: t.result();

// A std::packaged_task moved into each thread runs the function it was made from; its future
// keeps working, since the pool runs the task itself.
void packaged(const std::vector<std::string> &urls, std::vector<std::size_t> &sizes) {
  std::vector<std::future<std::size_t>> results;
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    std::packaged_task<std::size_t(const std::string &)> task(fetch);
    results.push_back(task.get_future());
    threads.emplace_back(std::move(task), std::cref(urls[i]));
  }
  for (auto &t : threads)
    t.join();
  for (std::size_t i = 0; i < urls.size(); ++i)
    sizes[i] = results[i].get();
}
// CHECK-MESSAGES: :[[@LINE-7]]:5: warning: threads (one per item) run io-bound 'fetch'{{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: threads.emplace_back(pool.submit(std::move(task), std::cref(urls[i])));

// The starting loop is the braceless body of an outer loop: a parallel_for with its pool
// declared before it would leave the pool as the outer loop's only statement, so each start is
// submitted to one pool declared before the outer loop.
void grid(int (&cells)[3][4]) {
  std::vector<std::thread> threads;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 4; ++c)
      threads.emplace_back([&cells, r, c] { cells[r][c] = r * 10 + c; });
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:7: warning: 12 threads run short {{.*}}[concur-model-thread-per-task]
// CHECK-MESSAGES: :[[@LINE-5]]:7: note: the loop does more than start the threads, so the fix submits each task to a pool instead of a parallel_for
// CHECK-FIXES: void grid(int (&cells)[3][4]) {
// CHECK-FIXES-NEXT: std::vector<concur::future<void>> threads;
// CHECK-FIXES-NEXT: concur::thread_pool pool(12);
// CHECK-FIXES-NEXT: for (int r = 0; r < 3; ++r)
// CHECK-FIXES-NEXT: for (int c = 0; c < 4; ++c)
// CHECK-FIXES-NEXT: threads.emplace_back(pool.submit([&cells, r, c] { cells[r][c] = r * 10 + c; }));

int main() {
  std::vector<std::string> urls{"a", "bb"};
  std::vector<std::size_t> sizes(2);
  download(urls, sizes);
  std::vector<long> out(8);
  compute(out);
  chunks(out, 2);
  std::vector<int> seen(2);
  four(seen);
  std::printf("%zu %ld %ld %d\n", sizes[1], out[3], mixed(4), seen[1]);
}

// Two std::async reads of one function and one of another beside them: one fan-out, and the
// other task moves to the same pool.
static long file_bytes(std::string name) {
  std::FILE *f = std::fopen(name.c_str(), "rb");
  if (!f)
    return -1;
  std::fseek(f, 0, SEEK_END);
  long n = std::ftell(f);
  std::fclose(f);
  return n;
}
static long letters(std::string text) {
  long n = 0;
  for (char c : text)
    n += c != ' ';
  return n;
}
long mixed_reads() {
  std::vector<std::future<long>> parts;
  parts.push_back(std::async(std::launch::async, file_bytes, std::string("a.txt")));
  parts.push_back(std::async(std::launch::async, letters, std::string("a few words")));
  parts.push_back(std::async(std::launch::async, file_bytes, std::string("b.txt")));
  long total = 0;
  for (auto &p : parts)
    total += p.get();
  return total;
}
// CHECK-MESSAGES: :[[@LINE-8]]:19: warning: 2 std::async tasks run io-bound 'file_bytes'{{.*}}[concur-model-async-fanout]
// CHECK-FIXES: std::vector<concur::future<long>> parts;
// CHECK-FIXES-NEXT: concur::thread_pool pool(2);
// CHECK-FIXES-NEXT: parts.push_back(pool.submit(file_bytes, std::string("a.txt")));
// CHECK-FIXES-NEXT: parts.push_back(pool.submit(letters, std::string("a few words")));

// A queue of futures, each waited for at its front and then popped.
void in_order(const std::vector<std::string> &names) {
  std::deque<std::future<long>> pending;
  for (const auto &name : names)
    pending.push_back(std::async(std::launch::async, file_bytes, name));
  while (!pending.empty()) {
    std::printf("%ld\n", pending.front().get());
    pending.pop_front();
  }
}
// CHECK-MESSAGES: :[[@LINE-6]]:23: warning: std::async tasks (one per item) run io-bound 'file_bytes'{{.*}}[concur-model-async-fanout]
// CHECK-FIXES: std::deque<concur::future<long>> pending;
// CHECK-FIXES: pending.push_back(pool.submit(file_bytes, name));
// CHECK-FIXES: std::printf("%ld\n", pending.front().result());
// CHECK-FIXES-NEXT: pending.pop_front();

// Detached threads that count down a latch the function waits on after the loop: the wait is
// where every task has done its part, so the tasks move to a pool that lives past it.
void pings(std::vector<long> &rtt) {
  std::latch done(8);
  for (int n = 0; n < 8; ++n) {
    std::thread([&rtt, &done, n] {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      rtt[n] = n;
      done.count_down();
    }).detach();
  }
  done.wait();
}
// CHECK-MESSAGES: :[[@LINE-8]]:5: warning: 8 threads run io-bound {{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: std::latch done(8);
// CHECK-FIXES-NEXT: concur::thread_pool pool(8);
// CHECK-FIXES-NEXT: for (int n = 0; n < 8; ++n) {
// CHECK-FIXES-NEXT: pool.submit([&rtt, &done, n] {
// CHECK-FIXES: });
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: done.wait();
