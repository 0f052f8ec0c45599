// concur-site: thread-per-task
// expect-target: thread_pool
// trap: tasks also append to a mutex-protected progress log (the lock must survive the rewrite); log printed sorted
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

static std::mutex log_mutex;
static std::vector<std::string> progress_log;

static int check_mirror(int mirror) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2));  // HTTP HEAD to the mirror
  int status = (mirror % 5 == 3) ? 503 : 200;
  {
    std::lock_guard<std::mutex> lock(log_mutex);
    progress_log.push_back("mirror " + std::to_string(mirror) + " checked");
  }
  return status;
}

int main() {
  constexpr std::size_t kMirrors = 16;
  std::array<int, kMirrors> status{};
  std::vector<std::thread> threads;
  for (std::size_t m = 0; m < kMirrors; ++m) threads.emplace_back([&status, m] { status[m] = check_mirror(static_cast<int>(m)); });
  for (auto& t : threads) t.join();

  std::sort(progress_log.begin(), progress_log.end());
  std::printf("%zu log lines, first '%s', last '%s'\n", progress_log.size(), progress_log.front().c_str(), progress_log.back().c_str());
  for (std::size_t m = 0; m < kMirrors; ++m) std::printf("mirror %zu: %d\n", m, status[m]);
  return 0;
}
