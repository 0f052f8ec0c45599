// RUN: %check_concur %s %t -- --checks='-*,concur-model-*'
#include <condition_variable>
#include <cstdlib>
#include <future>
#include <mutex>
#include <queue>
#include <thread>
#include <unistd.h>
#include <vector>

long fetch(int fd) {
  char buf[256];
  return ::read(fd, buf, sizeof buf);
}

void io_fanout(const std::vector<int> &fds) {
  std::vector<std::thread> threads;
  for (int fd : fds)
    threads.emplace_back(fetch, fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: threads (one per item) run io-bound 'fetch' (read at {{.*}}:13); use concur::thread_pool: blocking calls are cheap to park on a bounded pool{{.*}}[docs/models.md#thread-pool] [concur-model-thread-per-task]
  // CHECK-MESSAGES: :[[@LINE-8]]:10: note: 'fetch' is io: it calls read
  for (auto &t : threads)
    t.join();
}

double square_sum(const std::vector<double> &v) {
  double s = 0;
  for (double x : v)
    for (double y : v)
      s += x * y;
  return s;
}

void cpu_async(const std::vector<std::vector<double>> &data) {
  std::vector<std::future<double>> results;
  for (const auto &d : data)
    results.push_back(std::async(std::launch::async, square_sum, std::cref(d)));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: std::async tasks (one per item) run cpu-bound 'square_sum'{{.*}}use concur::thread_pool::parallel_for{{.*}}[concur-model-async-fanout]
  // CHECK-MESSAGES: :29:5: note: 'square_sum' is cpu: it has a loop nest of depth 2
  for (auto &r : results)
    r.get();
}

int roll(int sides) {
  int total = 0;
  for (int i = 0; i < sides; ++i)
    total += std::rand() % 6;
  return total;
}

void mt_unsafe_cpu() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(roll, 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 8 threads run cpu-bound 'roll'{{.*}}use concur::process_pool: the work calls functions that are not thread-safe{{.*}}[concur-model-mt-unsafe-parallel]
  // CHECK-MESSAGES: :46:3: note: 'roll' is cpu: it has a loop doing arithmetic
  // CHECK-MESSAGES: :47:14: note: 'rand' is not thread-safe
  for (auto &t : threads)
    t.join();
}

// Not tasks: a long-lived consumer, and a thread started once.
std::mutex mu;
std::condition_variable cv;
std::queue<int> jobs;
void consumer() {
  while (true) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [] { return !jobs.empty(); });
    if (jobs.front() < 0)
      return;
    jobs.pop();
  }
}

int main() {
  std::thread c(consumer);
  std::vector<std::thread> consumers;
  for (int i = 0; i < 4; ++i)
    consumers.emplace_back(consumer);
  std::thread once(fetch, 0);
  once.join();
  c.join();
  for (auto &t : consumers)
    t.join();
}
