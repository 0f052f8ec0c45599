// A tiny fixed-size thread pool, defined in a header so that two translation units share it
// (workers.cpp, traps_threads.cpp). Its own methods only wait on other threads: sync.
// Trap: worker_loop runs type-erased tasks (std::function) whose targets are the lambdas handed
// to submit() elsewhere; it is labelled by its own waiting, and the tasks' work is attributed to
// the function that submitted them (see traps_threads.cpp).
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class TinyPool {
public:
  // The threads it starts run worker_loop, which is sync.
  // expect: sync
  explicit TinyPool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i)
      workers_.emplace_back([this] { worker_loop(); });
  }

  // expect: sync
  ~TinyPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto &t : workers_)
      t.join();
  }

  // expect: sync
  void submit(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push(std::move(task));
    }
    cv_.notify_one();
  }

  // expect: trivial
  size_t size() const { return workers_.size(); }

private:
  // expect: sync
  void worker_loop() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (stopping_ && tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop();
      }
      task();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::queue<std::function<void()>> tasks_;
  std::vector<std::thread> workers_;
  bool stopping_ = false;
};
