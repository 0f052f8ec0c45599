// concur::executor: what every concur pool shares (≈ concurrent.futures.Executor).
//
// Both thread_pool and process_pool derive from it. The lifecycle (shutdown, size) is virtual,
// so code can own or stop "some executor". submit() and map() are member templates of each pool
// with the same spelling, `submit(f, args...)` and `map(f, range)`, taking the function and its
// arguments the way std::invoke does: they cannot be virtual because a process pool must know
// the argument and result types at compile time to serialize them.
#pragma once

#include <cstddef>

namespace concur {

class executor {
public:
  executor(const executor&) = delete;
  executor& operator=(const executor&) = delete;
  /// Destroying a pool is shutdown(/*wait=*/true): queued work still runs, then workers stop.
  virtual ~executor() = default;

  /// Python's Executor.shutdown(wait, cancel_futures). After it, submit() from outside the
  /// pool throws std::runtime_error. `cancel_pending` cancels every task that has not started
  /// (their futures throw cancelled_error); `wait` blocks until running work has finished and
  /// the workers are gone. Calling it again is harmless.
  virtual void shutdown(bool wait = true, bool cancel_pending = false) = 0;

  /// How many tasks the pool runs at the same time (threads or processes).
  virtual std::size_t max_workers() const noexcept = 0;

protected:
  executor() = default;
};

} // namespace concur
