// submit + as_completed over 100,000 small tasks: concur::thread_pool against std::async.
// std::async starts a thread per task and cannot hold 100,000 of them at once (thread creation
// fails with EAGAIN), so it gets them in waves of 1,000; std::future has no as_completed, so its
// results are taken in order.
#include "bench_util.hpp"

#include <concur/thread_pool.hpp>

#include <functional>
#include <future>
#include <map>
#include <string>
#include <vector>

namespace {

constexpr int tasks = 100'000;

int work(int i) {
  int s = 0;
  for (int k = 0; k < 100; ++k) s += (i * k) % 7;
  return s;
}

} // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::function<void()>> cases{
      {"as_completed concur",
       [] {
         concur::thread_pool pool;
         double s = bench::best_seconds(3, [&] {
           std::vector<concur::future<int>> fs;
           fs.reserve(tasks);
           for (int i = 0; i < tasks; ++i) fs.push_back(pool.submit(work, i));
           long total = 0;
           for (auto f : concur::as_completed(fs)) total += f.result();
           bench::keep(total);
         });
         bench::report("futures.concur", s, "s");
       }},
      {"as_completed std_async",
       [] {
         constexpr int wave = 1'000;
         double s = bench::best_seconds(3, [&] {
           std::vector<std::future<int>> fs;
           fs.reserve(wave);
           long total = 0;
           for (int start = 0; start < tasks; start += wave) {
             for (int i = start; i < start + wave; ++i) fs.push_back(std::async(std::launch::async, work, i));
             for (auto& f : fs) total += f.get();
             fs.clear();
           }
           bench::keep(total);
         });
         bench::report("futures.std_async", s, "s");
       }},
  };
  return bench::dispatch(argc, argv, cases);
}
