// concur-site: none
// expect-target: none
// trap: a thread per task, but task i waits for task i-1's turn (they talk through a shared counter + cv): not independent
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

int main() {
  constexpr int kTasks = 8;
  std::mutex m;
  std::condition_variable cv;
  int turn = kTasks - 1;  // the last-started task goes first
  std::vector<std::string> journal;
  std::vector<std::thread> threads;
  for (int i = 0; i < kTasks; ++i) {
    threads.emplace_back([&, i] {
      long work = 0;
      for (int k = 0; k < 1000 * (i + 1); ++k) work += k % (i + 2);
      std::unique_lock<std::mutex> lk(m);
      cv.wait(lk, [&] { return turn == i; });
      journal.push_back("task " + std::to_string(i) + " work " + std::to_string(work));
      --turn;
      cv.notify_all();
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& line : journal) std::printf("%s\n", line.c_str());
  return 0;
}
