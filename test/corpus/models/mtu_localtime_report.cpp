// concur-site: mt-unsafe-parallel
// expect-target: process_pool
// trap: threads format thousands of timestamps with localtime()+strftime under one lock; TZ is set (JST-9) in main before the threads: workers must see it
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

static std::mutex tm_mutex;

// How many of the 2,000 hourly timestamps after `start` fall on a weekend; plus the first one formatted.
static std::string weekend_report(long start) {
  std::lock_guard<std::mutex> lock(tm_mutex);
  int weekend = 0;
  char first[32] = "";
  for (long h = 0; h < 2000; ++h) {
    std::time_t t = static_cast<std::time_t>(start + h * 3600);
    std::tm* tm = std::localtime(&t);
    if (tm->tm_wday == 0 || tm->tm_wday == 6) ++weekend;
    if (h == 0) std::strftime(first, sizeof first, "%Y-%m-%d %H:%M", tm);
  }
  return std::string(first) + " weekend hours " + std::to_string(weekend);
}

int main() {
  setenv("TZ", "JST-9", 1);  // a POSIX TZ string: needs no tzdata
  tzset();
  std::vector<long> starts;
  for (int m = 0; m < 12; ++m) starts.push_back(1700000000L + m * 2629746L);
  std::vector<std::string> lines(starts.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < starts.size(); ++i) threads.emplace_back([&, i] { lines[i] = weekend_report(starts[i]); });
  for (auto& t : threads) t.join();
  for (const auto& l : lines) std::printf("%s\n", l.c_str());
  return 0;
}
