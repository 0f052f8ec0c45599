// concur::thread_pool against oneTBB and Boost.Asio's thread_pool, on the same cores:
// empty-task submit->result throughput, a fine-grained parallel_for, and the speed-up of a
// CPU-bound map over serial code.
#include "bench_util.hpp"

#include <concur/thread_pool.hpp>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_future.hpp>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int tasks = 1'000'000;
const int cores = static_cast<int>(concur::thread_pool::default_size());

/// A CPU-bound item: enough arithmetic that scheduling costs are noise.
double heavy(int x) {
  double v = x;
  for (int i = 0; i < 20'000; ++i) v = std::sqrt(v * 1.000001 + i);
  return v;
}

/// A fine-grained item: a few nanoseconds of work per index.
inline float fine(float x) { return std::sin(x) * 0.5f + 1.0f; }

/// Empty tasks, submitted in batches and waited for, `tasks` in all. concur and Asio return a
/// future per task; TBB's task_group has no per-task result.
void empty_concur(int batch) {
  concur::thread_pool pool(cores);
  std::vector<concur::future<void>> fs;
  fs.reserve(batch);
  double s = bench::best_seconds(5, [&] {
    for (int r = 0; r < tasks / batch; ++r) {
      for (int i = 0; i < batch; ++i) fs.push_back(pool.submit([] {}));
      for (auto& f : fs) f.result();
      fs.clear();
    }
  });
  bench::report("empty_tasks_" + std::to_string(batch) + ".concur", tasks / s, "tasks/s");
}

void empty_tbb(int batch) {
  tbb::task_arena arena(cores);
  double s = 0;
  arena.execute([&] {
    s = bench::best_seconds(5, [&] {
      for (int r = 0; r < tasks / batch; ++r) {
        tbb::task_group group;
        for (int i = 0; i < batch; ++i) group.run([] {});
        group.wait();
      }
    });
  });
  bench::report("empty_tasks_" + std::to_string(batch) + ".tbb", tasks / s, "tasks/s");
}

void empty_asio(int batch) {
  boost::asio::thread_pool pool(cores);
  std::vector<std::future<void>> fs;
  fs.reserve(batch);
  double s = bench::best_seconds(5, [&] {
    for (int r = 0; r < tasks / batch; ++r) {
      for (int i = 0; i < batch; ++i) fs.push_back(boost::asio::post(pool, boost::asio::use_future([] {})));
      for (auto& f : fs) f.get();
      fs.clear();
    }
  });
  pool.join();
  bench::report("empty_tasks_" + std::to_string(batch) + ".asio", tasks / s, "tasks/s");
}

constexpr int fine_n = 4'000'000;

void fine_loop(const char* contender, const std::function<void(std::vector<float>&)>& loop) {
  std::vector<float> data(fine_n, 1.0f);
  loop(data); // warm up: threads started, pages touched
  double s = bench::best_seconds(10, [&] {
    loop(data);
    bench::keep(data.data());
  });
  bench::report(std::string("parallel_for_fine.") + contender, s, "s");
}

void map_cpu(const char* contender, const std::function<std::vector<double>(const std::vector<int>&)>& map) {
  std::vector<int> items(1'000);
  std::iota(items.begin(), items.end(), 0);
  double s = bench::best_seconds(3, [&] { bench::keep(map(items).data()); });
  bench::report(std::string("map_cpu.") + contender, s, "s");
}

} // namespace

/// How much two plain threads gain over one on independent arithmetic right now: the parallelism
/// the machine actually offers during this run (other processes share its cores).
void calibrate() {
  auto spin = [](int n) {
    std::uint64_t x = 1;
    for (int i = 0; i < n; ++i) x = x * 6364136223846793005ull + 1442695040888963407ull;
    bench::keep(x);
  };
  constexpr int n = 100'000'000;
  double one = bench::best_seconds(3, [&] { spin(n); });
  double two = bench::best_seconds(3, [&] {
    std::thread other([&] { spin(n / 2); });
    spin(n / 2);
    other.join();
  });
  bench::report("calibrate.two_threads_speedup", one / two, "x");
}

int main(int argc, char** argv) {
  std::map<std::string, std::function<void()>> cases{
      {"calibrate two_threads", calibrate},
      {"empty_tasks_1000 concur", [] { empty_concur(1'000); }},
      {"empty_tasks_1000 tbb", [] { empty_tbb(1'000); }},
      {"empty_tasks_1000 asio", [] { empty_asio(1'000); }},
      {"empty_tasks_1000000 concur", [] { empty_concur(tasks); }},
      {"empty_tasks_1000000 tbb", [] { empty_tbb(tasks); }},
      {"empty_tasks_1000000 asio", [] { empty_asio(tasks); }},
      {"parallel_for_fine serial",
       [] { fine_loop("serial", [](std::vector<float>& d) { for (auto& x : d) x = fine(x); }); }},
      {"parallel_for_fine concur",
       [] {
         concur::thread_pool pool(cores);
         fine_loop("concur", [&](std::vector<float>& d) { pool.parallel_for(0, fine_n, [&](int i) { d[i] = fine(d[i]); }); });
       }},
      {"parallel_for_fine tbb",
       [] {
         tbb::task_arena arena(cores);
         fine_loop("tbb", [&](std::vector<float>& d) {
           arena.execute([&] { tbb::parallel_for(0, fine_n, [&](int i) { d[i] = fine(d[i]); }); });
         });
       }},
      {"map_cpu serial",
       [] {
         map_cpu("serial", [](const std::vector<int>& items) {
           std::vector<double> out;
           for (int x : items) out.push_back(heavy(x));
           return out;
         });
       }},
      {"map_cpu concur",
       [] {
         concur::thread_pool pool(cores);
         map_cpu("concur", [&](const std::vector<int>& items) { return pool.map(heavy, items); });
       }},
  };
  return bench::dispatch(argc, argv, cases);
}
