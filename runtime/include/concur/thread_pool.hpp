// concur::thread_pool: a work-stealing pool of threads (≈ ThreadPoolExecutor + Pool.map).
//
//   concur::thread_pool pool;                      // one thread per core
//   auto f = pool.submit(download, url);           // concur::future<std::size_t>
//   f.result();                                    // value, or the task's exception rethrown
//   auto squares = pool.map(square, numbers);      // std::vector, in input order
//   pool.parallel_for(0, n, [&](int i) { ... });   // blocks until every index ran
//
// Guarantees
// - Every member function is thread-safe and may be called from inside the pool's own tasks.
// - Threads start with the work: a submission starts one more worker when the queued tasks
//   outnumber the idle workers, up to the pool's size. A pool that gets three tasks at a time
//   runs three threads, whatever its size; one that gets none starts none.
// - Each worker owns a deque: tasks submitted by a task go to its worker's deque (run newest
//   first, for cache locality), idle workers steal the oldest task of another worker, and tasks
//   submitted from outside go through a shared queue.
// - A task that waits on a future (result(), wait(), as_completed, parallel_for, map) runs other
//   queued tasks meanwhile, so nested parallelism does not deadlock the pool.
// - result() (or wait(), without a timeout) on a task no worker has started yet runs it on the
//   calling thread: the caller would only block on it. Other tasks never run on the caller.
// - An exception thrown by a task is stored in its future; parallel_for and map rethrow the first
//   one after the other chunks finish (chunks not started yet are skipped).
// - shutdown(wait, cancel_pending): see executor. Tasks already running may still submit
//   subtasks. The destructor is shutdown(true): queued work runs, then the threads are joined.
#pragma once

#include <concur/detail/task_memory.hpp>
#include <concur/executor.hpp>
#include <concur/future.hpp>

#include <algorithm>
#include <atomic>
#include <concepts>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ranges>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace concur {

namespace detail {
class work_deque;

/// A unit of work in a pool queue. run() and discard() each end the queue's ownership.
class job {
public:
  virtual void run() noexcept = 0;
  /// Called instead of run() when shutdown cancels the job before it started.
  virtual void discard() noexcept = 0;

  /// The deque the scheduler pushed the job to (null: the shared queue).
  work_deque* home = nullptr;

protected:
  ~job() = default;
};

/// Takes `j` out of `home` when the calling thread owns that deque (its worker's, or its slot as
/// an outside thread) and `j` is its oldest or newest job. True: the caller now holds the
/// reference the queue held.
bool take_from_own_queue(work_deque* home, job* j) noexcept;

template <class F, class... Args>
using call_result_t = std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>;
} // namespace detail

class thread_pool final : public executor {
public:
  /// At most one worker per CPU the process may run on (sched_getaffinity), at least one.
  thread_pool();
  /// At most `threads` workers, started as submissions need them (0 throws invalid_argument).
  explicit thread_pool(std::size_t threads);
  ~thread_pool() override;

  /// Runs `std::invoke(f, args...)` on a worker; `f` and `args` are decay-copied (std::ref to
  /// pass a reference). Throws std::runtime_error after shutdown (unless called from a task),
  /// and std::system_error if the pool has no thread yet and cannot start one.
  template <class F, class... Args> future<detail::call_result_t<F, Args...>> submit(F&& f, Args&&... args);

  /// Calls `f(i)` for every i in [first, last), in chunks of `grain` indices (0: about eight
  /// chunks per worker). The calling thread works on chunks too, with max_workers() - 1 workers
  /// (at least one), so the loop keeps as many threads busy as the pool has. Returns when all are
  /// done.
  template <std::integral I, std::integral J, class F>
  void parallel_for(I first, J last, F&& f, std::size_t grain = 0);

  /// `f(item)` for every item of `items`, computed in parallel; the results in input order.
  template <class F, std::ranges::input_range R> auto map(F&& f, R&& items, std::size_t grain = 0);

  void shutdown(bool wait = true, bool cancel_pending = false) override;
  std::size_t max_workers() const noexcept override;

  /// The CPUs this process may use: the default size of a pool.
  static std::size_t default_size() noexcept;

private:
  /// Whether the calling thread is one of this pool's workers.
  bool in_worker() const noexcept;
  class scheduler;
  /// Takes ownership of `j` (discarding it if the pool no longer accepts work).
  void enqueue(detail::job* j);

  std::unique_ptr<scheduler> scheduler_;
};

/// A concur::future that completes when `f` does. A pool worker blocks in `f.get()`, so prefer
/// submitting the work to the pool directly.
template <class T> future<T> from_std_future(std::future<T> f, thread_pool& pool) {
  return pool.submit([f = std::move(f)]() mutable { return f.get(); });
}

// ---- Implementation --------------------------------------------------------------------------

namespace detail {
/// The job a submit() creates; it is also the future's state, so a task costs one allocation,
/// from the task cache.
template <class R, class Call> class pool_task final : public shared_state<R>, public job, public task_memory {
public:
  /// Owned by the future and by the queue the task is posted to.
  explicit pool_task(Call call) : call_(std::move(call)) { this->start_with_refs(2); }

  void run() noexcept override {
    if (this->try_start()) execute();
    this->release();
  }
  void discard() noexcept override {
    this->cancel_if_pending();
    this->release();
  }
  bool run_here() noexcept override {
    // A waiter usually waits for the oldest or newest task it submitted: taken back from its
    // own queue, the task leaves no stale entry that a worker would later have to steal and
    // drop, keeping its memory alive until then.
    if (home != nullptr && take_from_own_queue(home, this)) {
      run();
      return true;
    }
    // Otherwise whoever claims the task first runs it; the queue's copy is skipped and released.
    if (!this->try_start()) return false;
    execute();
    return true;
  }

private:
  /// Runs the call and completes the future; the caller won try_start().
  void execute() noexcept {
    try {
      if constexpr (std::is_void_v<R>) {
        invoke();
        this->complete_started(status::finished, [] {});
      } else {
        R value = invoke();
        this->complete_started(status::finished, [&] { this->emplace(std::move(value)); });
      }
    } catch (...) {
      this->complete_started(status::finished, [&] { this->store_error(std::current_exception()); });
    }
  }

  R invoke() {
    // The callable (and what it captured) is destroyed before the future is completed, so a
    // caller that wakes up in result() sees its resources released.
    struct reset_after {
      std::optional<Call>& call;
      ~reset_after() { call.reset(); }
    } guard{call_};
    return std::apply([](auto&& fn, auto&&... args) -> R { return std::invoke(std::move(fn), std::move(args)...); },
                      std::move(*call_));
  }
  std::optional<Call> call_;
};
} // namespace detail

template <class F, class... Args>
future<detail::call_result_t<F, Args...>> thread_pool::submit(F&& f, Args&&... args) {
  using R = detail::call_result_t<F, Args...>;
  using call = std::tuple<std::decay_t<F>, std::decay_t<Args>...>;
  auto task = detail::make_ref<detail::pool_task<R, call>>(call(std::forward<F>(f), std::forward<Args>(args)...));
  detail::job* j = task.get(); // the queue's reference
  future<R> result{detail::ref_ptr<detail::shared_state<R>>(std::move(task))};
  enqueue(j);
  return result;
}

template <std::integral I, std::integral J, class F>
void thread_pool::parallel_for(I first, J last, F&& f, std::size_t grain) {
  using index = std::common_type_t<I, J>;
  if (!(static_cast<index>(first) < static_cast<index>(last))) return;
  const auto count = static_cast<std::size_t>(static_cast<index>(last) - static_cast<index>(first));
  const std::size_t workers = max_workers();
  if (grain == 0) grain = std::max<std::size_t>(1, count / (workers * 8));
  const std::size_t chunks = (count + grain - 1) / grain;

  struct shared_progress {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex error_mutex;
    std::exception_ptr error;
  } progress;
  // Chunks are claimed from one counter, so a slow chunk never holds up an idle worker.
  auto work = [&] {
    // Locals instead of the captures in the loop: this closure's address escapes to the helpers,
    // so after every call f makes that the compiler cannot see into (sinf...), it would reload
    // each captured reference: a fine-grained loop ran 20% slower than a plain one.
    auto& body = f;
    const auto base = static_cast<index>(first);
    for (;;) {
      std::size_t chunk = progress.next.fetch_add(1, std::memory_order_relaxed);
      if (chunk >= chunks || progress.failed.load(std::memory_order_relaxed)) return;
      const std::size_t begin = chunk * grain;
      const std::size_t end = std::min(count, begin + grain);
      try {
        for (std::size_t k = begin; k < end; ++k) body(static_cast<index>(base + static_cast<index>(k)));
      } catch (...) {
        std::lock_guard lock(progress.error_mutex);
        if (!progress.error) progress.error = std::current_exception();
        progress.failed.store(true, std::memory_order_relaxed);
      }
    }
  };
  // The caller works too: with workers - 1 helpers the pool's size is the number of threads on
  // the loop (a caller outside the pool still gets one helper).
  std::vector<future<void>> helpers;
  const std::size_t helper_count = std::min(std::max<std::size_t>(workers - 1, in_worker() ? 0 : 1), chunks - 1);
  helpers.reserve(helper_count);
  for (std::size_t k = 0; k < helper_count; ++k) helpers.push_back(submit(std::ref(work)));
  work();
  // Every chunk is claimed now: helpers that have not started have nothing left to do.
  for (auto& helper : helpers) helper.cancel();
  for (auto& helper : helpers) helper.wait();
  if (progress.error) std::rethrow_exception(progress.error);
}

template <class F, std::ranges::input_range R> auto thread_pool::map(F&& f, R&& items, std::size_t grain) {
  using item_ref = std::ranges::range_reference_t<R>;
  using result = std::invoke_result_t<F&, item_ref>;
  auto run = [&](auto&& indexable, std::size_t n) {
    if constexpr (std::is_void_v<result>) {
      parallel_for(std::size_t{0}, n, [&](std::size_t i) { std::invoke(f, indexable[i]); }, grain);
    } else {
      std::vector<std::optional<result>> slots(n);
      parallel_for(std::size_t{0}, n, [&](std::size_t i) { slots[i].emplace(std::invoke(f, indexable[i])); }, grain);
      std::vector<result> out;
      out.reserve(n);
      for (auto& slot : slots) out.push_back(std::move(*slot));
      return out;
    }
  };
  if constexpr (std::ranges::random_access_range<R> && std::ranges::sized_range<R>) {
    return run(std::ranges::begin(items), static_cast<std::size_t>(std::ranges::size(items)));
  } else {
    std::vector<std::ranges::range_value_t<R>> copy;
    for (auto&& item : items) copy.push_back(std::forward<decltype(item)>(item));
    return run(copy, copy.size());
  }
}

} // namespace concur
