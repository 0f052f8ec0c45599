// The shared state behind concur::future and concur::promise: status, value or exception, done
// callbacks, and the blocking wait that lets a pool worker run other tasks while it waits.
#pragma once

#include <concur/detail/ref_ptr.hpp>
#include <concur/detail/unique_function.hpp>
#include <concur/errors.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace concur::detail {

using clock = std::chrono::steady_clock;
using deadline = std::optional<clock::time_point>;

template <class Rep, class Period> clock::time_point deadline_after(std::chrono::duration<Rep, Period> d) {
  return clock::now() + std::chrono::ceil<clock::duration>(d);
}

/// Installed by a thread that can make progress on other work while it blocks: a thread_pool
/// worker that waits on a future runs queued tasks instead of idling, which is what keeps a pool
/// whose tasks wait on their own subtasks from deadlocking.
class wait_helper {
public:
  /// Runs one queued task if there is one; returns whether it did.
  virtual bool run_one_task() = 0;

protected:
  ~wait_helper() = default;
};

wait_helper* current_wait_helper() noexcept;
void set_current_wait_helper(wait_helper* helper) noexcept;

/// Waits on `cv` until `ready()` or the deadline, with `lock` held around every call of
/// `ready`. On a thread with a wait_helper it runs other tasks meanwhile. Returns `ready()`.
template <class Pred>
bool wait_helping(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, Pred ready, const deadline& until) {
  wait_helper* helper = current_wait_helper();
  // A helping thread dozes between attempts instead of sleeping until notified: new work for
  // it may arrive without anybody notifying this condition variable.
  auto doze = std::chrono::microseconds(20);
  while (!ready()) {
    auto now = clock::now();
    if (until && now >= *until) return false;
    if (helper == nullptr) {
      if (until) cv.wait_until(lock, *until);
      else cv.wait(lock);
      continue;
    }
    lock.unlock();
    bool ran = helper->run_one_task();
    lock.lock();
    if (ran) {
      doze = std::chrono::microseconds(20);
      continue;
    }
    auto wake = now + doze;
    cv.wait_until(lock, until ? std::min(wake, *until) : wake);
    doze = std::min<std::chrono::microseconds>(doze * 2, std::chrono::milliseconds(2));
  }
  return true;
}

enum class status : unsigned char { pending, running, finished, cancelled };

/// Everything about a future's state that does not depend on the value type.
class state_base : public ref_counted {
public:
  bool done() const noexcept { return is_final(status_.load(std::memory_order_acquire)); }
  bool cancelled() const noexcept { return status_.load(std::memory_order_acquire) == status::cancelled; }
  bool running() const noexcept { return status_.load(std::memory_order_acquire) == status::running; }

  /// Marks a pending state running, so that cancel() no longer succeeds. False if it was
  /// cancelled first: the caller must then not run the work.
  bool try_start() noexcept {
    auto expected = status::pending;
    return status_.compare_exchange_strong(expected, status::running, std::memory_order_acq_rel);
  }

  /// Python's Future.cancel(): true if the state is (now) cancelled.
  bool cancel() { return request_cancel(); }

  void wait() {
    if (done()) return;
    std::unique_lock lock(mutex_);
    ++waiters_;
    wait_helping(lock, cv_, [&] { return done(); }, std::nullopt);
    --waiters_;
  }
  bool wait_until(clock::time_point until) {
    if (done()) return true;
    std::unique_lock lock(mutex_);
    ++waiters_;
    bool ok = wait_helping(lock, cv_, [&] { return done(); }, until);
    --waiters_;
    return ok;
  }

  /// The stored exception (a cancelled_error for a cancelled state), or null. Call when done.
  std::exception_ptr error() const {
    observed_.store(true, std::memory_order_relaxed);
    if (cancelled()) return std::make_exception_ptr(cancelled_error());
    return error_;
  }
  void rethrow_if_failed() const {
    observed_.store(true, std::memory_order_relaxed);
    if (cancelled()) throw cancelled_error();
    if (error_) std::rethrow_exception(error_);
  }
  /// Whether anybody looked at the outcome (result(), exception()); a spawned task whose
  /// exception nobody looked at reports it when it is destroyed, as asyncio does.
  bool observed() const noexcept { return observed_.load(std::memory_order_relaxed); }
  std::exception_ptr raw_error() const noexcept { return error_; }

  /// Runs `callback` once the state is done: at once on this thread if it already is,
  /// otherwise on the thread that completes it.
  void on_done(unique_function<void()> callback) {
    {
      std::lock_guard lock(mutex_);
      if (!done()) {
        callbacks_.push_back(std::move(callback));
        return;
      }
    }
    invoke_callback(callback);
  }

  bool set_exception(std::exception_ptr e) {
    return complete(status::finished, [&] { error_ = std::move(e); });
  }

protected:
  state_base() = default;

  /// How cancel() behaves: a queued task is cancelled only before it starts; a coroutine task
  /// overrides this to deliver cancelled_error at its suspension point.
  virtual bool request_cancel() { return cancel_if_pending(); }

  bool cancel_if_pending() {
    std::unique_lock lock(mutex_);
    // A CAS, not a store: try_start() moves pending to running without taking the mutex.
    auto expected = status::pending;
    if (!status_.compare_exchange_strong(expected, status::cancelled, std::memory_order_acq_rel))
      return expected == status::cancelled;
    publish(lock);
    return true;
  }

  /// Stores the outcome with `fill` and publishes it, unless the state is already final (then
  /// `fill` is not called and the result is false). Wakes waiters, then runs the callbacks.
  template <class Fill> bool complete(status final_status, Fill&& fill) {
    std::unique_lock lock(mutex_);
    if (is_final(status_.load(std::memory_order_relaxed))) return false;
    fill();
    status_.store(final_status, std::memory_order_release);
    publish(lock);
    return true;
  }

private:
  static bool is_final(status s) noexcept { return s == status::finished || s == status::cancelled; }
  static void invoke_callback(unique_function<void()>& callback) noexcept;

  /// Called with the final status just stored under `lock`: releases the lock, wakes the
  /// waiters and runs the callbacks outside it (a callback may touch this state again).
  void publish(std::unique_lock<std::mutex>& lock) {
    std::vector<unique_function<void()>> callbacks;
    callbacks.swap(callbacks_);
    bool notify = waiters_ > 0;
    lock.unlock();
    if (notify) cv_.notify_all();
    for (auto& callback : callbacks) invoke_callback(callback);
  }

  std::atomic<status> status_{status::pending};
  mutable std::atomic<bool> observed_{false};
  std::exception_ptr error_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::size_t waiters_ = 0;
  std::vector<unique_function<void()>> callbacks_;
};

template <class T> class shared_state : public state_base {
public:
  template <class... Args> bool set_value(Args&&... args) {
    return complete(status::finished, [&] { value_.emplace(std::forward<Args>(args)...); });
  }
  /// The value; call only when done() and not failed.
  T& value() noexcept { return *value_; }

private:
  std::optional<T> value_;
};

template <> class shared_state<void> : public state_base {
public:
  bool set_value() {
    return complete(status::finished, [] {});
  }
  void value() noexcept {}
};

} // namespace concur::detail
