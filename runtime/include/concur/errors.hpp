// The exceptions concur raises, shared by every executor, future and coroutine.
//
// Each maps to the Python exception the same situation raises, so a rewrite keeps the
// program's failure handling:
//   cancelled_error  ~ concurrent.futures.CancelledError / asyncio.CancelledError
//   timeout_error    ~ TimeoutError
//   broken_worker    ~ concurrent.futures.process.BrokenProcessPool (one task, not the pool)
//   remote_error     ~ the exception a worker process raised, re-raised in the caller
#pragma once

#include <stdexcept>
#include <string>

namespace concur {

/// The operation was cancelled before it produced a result: `future::result()` of a cancelled
/// future, and the exception a cancelled coroutine sees at the point where it was suspended.
class cancelled_error : public std::runtime_error {
public:
  cancelled_error() : std::runtime_error("concur: operation cancelled") {}
  explicit cancelled_error(const std::string& what) : std::runtime_error(what) {}
};

/// A deadline passed: `future::result(timeout)`, `concur::wait_for`, `as_completed(…, timeout)`
/// and a process-pool task that ran past its per-task timeout.
class timeout_error : public std::runtime_error {
public:
  timeout_error() : std::runtime_error("concur: timed out") {}
  explicit timeout_error(const std::string& what) : std::runtime_error(what) {}
};

/// The worker process running a task died before answering (a signal such as SIGSEGV, SIGKILL
/// or SIGABRT, or an exit). Only that task's future fails with it; the pool replaces the worker.
class broken_worker : public std::runtime_error {
public:
  /// `signal` is the number of the signal that ended the worker, or 0 when it exited.
  explicit broken_worker(const std::string& what, int signal = 0)
      : std::runtime_error(what), signal_(signal) {}
  int signal() const noexcept { return signal_; }

private:
  int signal_;
};

/// A function run by a process_pool threw. The exception object itself cannot cross a process
/// boundary, so the caller gets its dynamic type's name and its `what()`.
class remote_error : public std::runtime_error {
public:
  remote_error(std::string type_name, const std::string& message)
      : std::runtime_error(type_name + ": " + message), type_name_(std::move(type_name)) {}
  /// The demangled type of the exception thrown in the worker, e.g. "std::invalid_argument".
  const std::string& type_name() const noexcept { return type_name_; }

private:
  std::string type_name_;
};

} // namespace concur
