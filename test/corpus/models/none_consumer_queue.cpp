// concur-site: none
// expect-target: none
// trap: one long-lived consumer thread draining a queue fed by main: started once, lives for the whole run
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <queue>
#include <thread>
#include <vector>

class WorkQueue {
public:
  void push(std::optional<int> item) {
    {
      std::lock_guard<std::mutex> lk(m_);
      q_.push(item);
    }
    cv_.notify_one();
  }
  std::optional<int> pop() {
    std::unique_lock<std::mutex> lk(m_);
    cv_.wait(lk, [this] { return !q_.empty(); });
    auto item = q_.front();
    q_.pop();
    return item;
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::queue<std::optional<int>> q_;
};

int main() {
  WorkQueue queue;
  std::vector<long> processed;
  std::thread consumer([&] {
    while (auto item = queue.pop()) processed.push_back(static_cast<long>(*item) * *item);
  });
  for (int i = 1; i <= 20; ++i) queue.push(i);
  queue.push(std::nullopt);  // sentinel: no more work
  consumer.join();
  long sum = 0;
  for (long v : processed) sum += v;
  std::printf("processed %zu items, sum of squares %ld, last %ld\n", processed.size(), sum, processed.back());
  return 0;
}
