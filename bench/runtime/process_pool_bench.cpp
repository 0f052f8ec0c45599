// concur::process_pool on many small tasks: map() with the default chunking (against Python's
// multiprocessing.Pool.map, process_pool_python.py) and one submit() per task collected with
// as_completed (against ProcessPoolExecutor.submit).
#include "bench_util.hpp"

#include <concur/process_pool.hpp>
#include <concur/thread_pool.hpp>

#include <functional>
#include <map>
#include <numeric>
#include <string>
#include <vector>

namespace {

constexpr int map_items = 200'000;
constexpr int submit_items = 20'000;

long small(long x) { return x * x; }

} // namespace

CONCUR_REGISTER(small);

int main(int argc, char** argv) {
  const std::size_t cores = concur::thread_pool::default_size();
  std::map<std::string, std::function<void()>> cases{
      {"map_small concur",
       [&] {
         std::vector<long> items(map_items);
         std::iota(items.begin(), items.end(), 0L);
         concur::process_pool pool(cores);
         pool.map(small, std::vector<long>{1, 2, 3}); // workers started
         double s = bench::best_seconds(5, [&] { bench::keep(pool.map(small, items).data()); });
         bench::report("process_map.concur", map_items / s, "tasks/s");
       }},
      {"submit_small concur",
       [&] {
         concur::process_pool pool(cores);
         pool.submit(small, 1L).result();
         double s = bench::best_seconds(5, [&] {
           std::vector<concur::future<long>> fs;
           fs.reserve(submit_items);
           for (long i = 0; i < submit_items; ++i) fs.push_back(pool.submit(small, i));
           long total = 0;
           for (auto f : concur::as_completed(fs)) total += f.result();
           bench::keep(total);
         });
         bench::report("process_submit.concur", submit_items / s, "tasks/s");
       }},
  };
  return bench::dispatch(argc, argv, cases);
}
