// Thread coordination: mutexes, condition variables, futures, joins, semaphores, latches,
// barriers, shared mutexes. The sync label.
// Rule applied here (README): acquiring a lock counts as sync, even around one increment;
// operations that never block (try_lock, notify, count_down, release, set_value, atomics) are
// trivial.
// Traps: a lock around a sort is cpu and a lock around a file write is io (work beats waiting);
// a consumer that waits on a condition variable and then runs a heavy loop nest is cpu;
// try_to_lock is not a blocking acquisition.
#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <future>
#include <latch>
#include <map>
#include <mutex>
#include <optional>
#include <semaphore>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

#include "tiny_pool.h"

namespace workers {

class Counter {
public:
  // expect: sync
  void increment() {
    std::lock_guard<std::mutex> lock(mu_);
    ++value_;
  }

  // expect: sync
  long value() const {
    std::lock_guard<std::mutex> lock(mu_);
    return value_;
  }

  // expect: trivial
  bool try_increment() {
    if (!mu_.try_lock())
      return false;
    ++value_;
    mu_.unlock();
    return true;
  }

private:
  mutable std::mutex mu_;
  long value_ = 0;
};

template <typename T>
class BlockingQueue {
public:
  // expect: sync
  void push(T item) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      items_.push_back(std::move(item));
    }
    cv_.notify_one();
  }

  // expect: sync
  T pop() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !items_.empty(); });
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

  // expect: sync
  std::optional<T> pop_for(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, timeout, [this] { return !items_.empty(); }))
      return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<T> items_;
};

// expect: sync
long consume_all(BlockingQueue<int> &queue, int expected) {
  long sum = 0;
  for (int i = 0; i < expected; ++i)
    sum += queue.pop();
  return sum;
}

class Gate {
public:
  // expect: sync
  void wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return open_; });
  }

  // expect: sync
  void open() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      open_ = true;
    }
    cv_.notify_all();
  }

  // expect: trivial
  void wake_waiters() { cv_.notify_all(); }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

// expect: sync
void join_all(std::vector<std::thread> &threads) {
  for (auto &t : threads)
    if (t.joinable())
      t.join();
}

// expect: sync
int await_result(std::future<int> &f) { return f.get(); }

// expect: sync
void wait_until_ready(const std::shared_future<void> &ready) { ready.wait(); }

// expect: trivial
void fulfil(std::promise<int> &p, int value) { p.set_value(value); }

class ConnectionLimiter {
public:
  // expect: sync
  void acquire() { slots_.acquire(); }

  // expect: trivial
  void release() { slots_.release(); }

private:
  std::counting_semaphore<64> slots_{16};
};

// expect: sync
void wait_for_startup(std::latch &started) { started.wait(); }

// expect: trivial
void report_started(std::latch &started) { started.count_down(); }

// expect: sync
void run_phases(std::barrier<> &sync_point, std::vector<int> &phase_of, size_t me, int phases) {
  for (int p = 0; p < phases; ++p) {
    phase_of[me] = p;
    sync_point.arrive_and_wait();
  }
}

class Config {
public:
  // expect: sync
  std::string lookup(const std::string &key) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = values_.find(key);
    return it == values_.end() ? std::string() : it->second;
  }

  // expect: sync
  void update(const std::string &key, std::string value) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    values_[key] = std::move(value);
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, std::string> values_;
};

struct Account {
  std::mutex mu;
  long balance = 0;
};

// expect: sync
bool transfer(Account &from, Account &to, long amount) {
  std::scoped_lock lock(from.mu, to.mu);
  if (from.balance < amount)
    return false;
  from.balance -= amount;
  to.balance += amount;
  return true;
}

// expect: sync
bool run_flag_thread() {
  std::atomic<bool> flag{false};
  std::thread t([&flag] { flag.store(true); });
  t.join();
  return flag.load();
}

// expect: sync
int answer_async() {
  std::future<int> f = std::async(std::launch::async, [] { return 42; });
  return f.get();
}

// expect: sync
void stop_worker(std::thread &worker, std::atomic<bool> &stop) {
  stop.store(true);
  worker.join();
}

// expect: sync
bool wait_with_deadline(std::condition_variable &cv, std::mutex &mu, const bool &done,
                        std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu);
  return cv.wait_until(lock, deadline, [&] { return done; });
}

struct Stats {
  long requests = 0;
  long errors = 0;
};

class StatsBoard {
public:
  // expect: sync
  Stats snapshot() const {
    std::lock_guard<std::mutex> lock(mu_);
    return stats_;
  }

  // expect: trivial
  bool try_snapshot(Stats &out) const {
    std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
    if (!lock.owns_lock())
      return false;
    out = stats_;
    return true;
  }

private:
  mutable std::mutex mu_;
  Stats stats_;
};

// Work beats waiting: the sort dominates the lock.
class SortedCache {
public:
  // expect: cpu
  void rebuild(std::vector<std::string> fresh) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_ = std::move(fresh);
    std::sort(entries_.begin(), entries_.end());
  }

private:
  std::mutex mu_;
  std::vector<std::string> entries_;
};

// The write to the file dominates the lock.
class SharedLog {
public:
  // expect: trivial
  explicit SharedLog(FILE *file) : file_(file) {}

  // expect: io.file
  void append(const char *line) {
    std::lock_guard<std::mutex> lock(mu_);
    std::fputs(line, file_);
    std::fflush(file_);
  }

private:
  std::mutex mu_;
  FILE *file_;
};

// Waits for a job, then runs a heavy loop nest on it.
// expect: cpu
void blur_worker(BlockingQueue<std::vector<float> *> &jobs, int width, int passes) {
  for (;;) {
    std::vector<float> *img = jobs.pop();
    if (!img)
      return;
    int height = static_cast<int>(img->size()) / width;
    for (int p = 0; p < passes; ++p)
      for (int y = 1; y + 1 < height; ++y)
        for (int x = 1; x + 1 < width; ++x)
          (*img)[y * width + x] = ((*img)[y * width + x - 1] + (*img)[y * width + x] +
                                   (*img)[y * width + x + 1]) / 3.0f;
  }
}

// expect: sync
long drain_pool_counter(TinyPool &pool, Counter &counter) {
  pool.submit([&counter] { counter.increment(); });
  return counter.value();
}

} // namespace workers
