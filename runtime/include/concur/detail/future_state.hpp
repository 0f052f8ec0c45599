// The shared state behind concur::future and concur::promise: status, value or exception, done
// callbacks, and the blocking wait that lets a pool worker run other tasks while it waits.
// A task costs one allocation of this state (plus its callable), so it is kept small.
#pragma once

#include <concur/detail/ref_ptr.hpp>
#include <concur/errors.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace concur::detail {

using clock = std::chrono::steady_clock;

#if defined(__SANITIZE_THREAD__)
#define CONCUR_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CONCUR_THREAD_SANITIZER 1
#endif
#endif

/// Rethrows an exception that may have been created on another thread.
[[noreturn]] inline void rethrow(const std::exception_ptr& e) {
#if defined(CONCUR_THREAD_SANITIZER)
  // libstdc++ counts exception_ptr references with atomics ThreadSanitizer cannot see, so the
  // producer dropping the last reference after this thread's handler read the exception looks
  // like a race. Keeping a reference here makes this thread the one that destroys it.
  thread_local std::exception_ptr keep;
  keep = e;
#endif
  std::rethrow_exception(e);
}
using deadline = std::optional<clock::time_point>;

template <class Rep, class Period> clock::time_point deadline_after(std::chrono::duration<Rep, Period> d) {
  return clock::now() + std::chrono::ceil<clock::duration>(d);
}

inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
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

enum class status : unsigned char { pending, running, completing, finished, cancelled };

/// Where threads blocked on futures sleep. A future carries no mutex or condition variable of
/// its own (that would triple its size); waiters park on one of a fixed set of slots chosen by
/// the future's address and recheck their own future when woken.
struct parking_slot {
  std::mutex mutex;
  std::condition_variable cv;
};
parking_slot& parking_slot_for(const void* address) noexcept;

/// A done callback in the state's lock-free list.
class callback_node {
public:
  virtual ~callback_node() = default;
  virtual void run() = 0;
  callback_node* next = nullptr;
};

template <class F> class callback_of final : public callback_node {
public:
  explicit callback_of(F f) : f_(std::move(f)) {}
  void run() override { f_(); }

private:
  F f_;
};

/// Everything about a future's state that does not depend on the value type.
class state_base : public ref_counted {
public:
  bool done() const noexcept { return is_final(status_.load(std::memory_order_acquire)); }
  bool cancelled() const noexcept { return status_.load(std::memory_order_acquire) == status::cancelled; }
  bool running() const noexcept {
    auto s = status_.load(std::memory_order_acquire);
    return s == status::running || s == status::completing;
  }

  /// Marks a pending state running, so that cancel() no longer succeeds. False if it was
  /// cancelled first: the caller must then not run the work.
  bool try_start() noexcept {
    auto expected = status::pending;
    return status_.compare_exchange_strong(expected, status::running, std::memory_order_acq_rel);
  }

  /// Python's Future.cancel(): true if the state is (now) cancelled.
  bool cancel() { return request_cancel(); }

  /// Blocks until done. Work that has not started yet is run right here instead (the caller
  /// would only block on it), which spares a wake-up and, under load, a worker.
  void wait() {
    if (!done() && !run_here()) block(std::nullopt);
  }
  bool wait_until(clock::time_point until) { return done() || block(until); }

  /// The stored exception (a cancelled_error for a cancelled state), or null. Call when done.
  std::exception_ptr error() const {
    observed_.store(true, std::memory_order_relaxed);
    if (cancelled()) return std::make_exception_ptr(cancelled_error());
    return error_;
  }
  void rethrow_if_failed() const {
    observed_.store(true, std::memory_order_relaxed);
    if (cancelled()) throw cancelled_error();
    if (error_) rethrow(error_);
  }
  /// Whether anybody looked at the outcome (result(), exception()); a spawned task whose
  /// exception nobody looked at reports it when it is destroyed, as asyncio does.
  bool observed() const noexcept { return observed_.load(std::memory_order_relaxed); }
  std::exception_ptr raw_error() const noexcept { return error_; }

  /// Runs `callback()` once the state is done: at once on this thread if it already is,
  /// otherwise on the thread that completes it. Callbacks run in the order they were added.
  template <class F> void on_done(F callback) {
    auto node = std::make_unique<callback_of<F>>(std::move(callback));
    callback_node* head = callbacks_.load(std::memory_order_acquire);
    do {
      if (head == finished_list()) {
        invoke_callback(*node);
        return;
      }
      node->next = head;
    } while (!callbacks_.compare_exchange_weak(head, node.get(), std::memory_order_seq_cst, std::memory_order_acquire));
    node.release(); // owned by the list now: run_callbacks() or the destructor deletes it
    // Push (seq_cst), then check: publish() stores the status, then looks at the list. One of
    // the two sees the other, and whichever closes the list runs it.
    if (is_final(status_.load(std::memory_order_seq_cst))) run_callbacks();
  }

  bool set_exception(std::exception_ptr e) {
    return complete(status::finished, [&] { store_error(std::move(e)); });
  }

protected:
  state_base() = default;
  void store_error(std::exception_ptr e) noexcept { error_ = std::move(e); }
  ~state_base() override {
    // Callbacks of a state that never completed (its last owner is gone) never run.
    callback_node* head = callbacks_.load(std::memory_order_acquire);
    while (head != nullptr && head != finished_list()) {
      std::unique_ptr<callback_node> never_run(head);
      head = head->next;
    }
  }

  /// How cancel() behaves: a queued task is cancelled only before it starts; a coroutine task
  /// overrides this to deliver cancelled_error at its suspension point.
  virtual bool request_cancel() { return cancel_if_pending(); }

  /// Runs the work on the calling thread if it has not started; true if it did. Only a pool
  /// task can: other states complete by other means.
  virtual bool run_here() noexcept { return false; }

  bool cancel_if_pending() {
    auto expected = status::pending;
    // seq_cst, as every final status store: publish() relies on it (see there).
    if (!status_.compare_exchange_strong(expected, status::cancelled, std::memory_order_seq_cst))
      return expected == status::cancelled;
    publish();
    return true;
  }

  /// Stores the outcome with `fill` and publishes it, unless another thread already completes
  /// or cancelled the state (then `fill` is not called and the result is false).
  template <class Fill> bool complete(status final_status, Fill&& fill) {
    auto s = status_.load(std::memory_order_acquire);
    do {
      if (is_final(s) || s == status::completing) return false;
    } while (!status_.compare_exchange_weak(s, status::completing, std::memory_order_acq_rel, std::memory_order_acquire));
    fill();
    status_.store(final_status, std::memory_order_seq_cst);
    publish();
    return true;
  }

  /// complete() for the one thread that started the work with try_start(): nobody else can
  /// complete a running task, so no claim is needed.
  template <class Fill> void complete_started(status final_status, Fill&& fill) {
    fill();
    status_.store(final_status, std::memory_order_seq_cst);
    publish();
  }

private:
  static bool is_final(status s) noexcept { return s == status::finished || s == status::cancelled; }
  static callback_node* finished_list() noexcept { return reinterpret_cast<callback_node*>(alignof(callback_node)); }
  static void invoke_callback(callback_node& callback) noexcept;

  /// Called once the final status is stored: wakes blocked waiters, then runs the callbacks.
  void publish() {
    // seq_cst pairs with block(): either it sees the final status, or this sees its flag.
    if (has_waiters_.load(std::memory_order_seq_cst)) {
      auto& slot = parking_slot_for(this);
      // Taking the lock orders this wake-up after a waiter that is between its check and its
      // sleep.
      std::lock_guard lock(slot.mutex);
      slot.cv.notify_all();
    }
    // Most states never get a callback: closing an empty list would cost an atomic exchange per
    // task. on_done() checks the status after pushing, so a callback cannot be missed.
    if (callbacks_.load(std::memory_order_seq_cst) != nullptr) run_callbacks();
  }

  /// Closes the callback list and runs what it held, oldest first; the one caller that closes
  /// it runs them, later callers find it closed.
  void run_callbacks() {
    callback_node* list = callbacks_.exchange(finished_list(), std::memory_order_acq_rel);
    if (list == finished_list()) return;
    callback_node* in_order = nullptr;
    while (list != nullptr) in_order = std::exchange(list, std::exchange(list->next, in_order));
    while (in_order != nullptr) {
      std::unique_ptr<callback_node> node(std::exchange(in_order, in_order->next));
      invoke_callback(*node);
    }
  }

  bool block(const deadline& until) {
    // Most waits on a pool task are short: a brief spin saves the futex sleep and wake-up.
    for (int spin = 0; spin < 512; ++spin) {
      if (done()) return true;
      cpu_relax();
    }
    auto& slot = parking_slot_for(this);
    has_waiters_.store(true, std::memory_order_seq_cst);
    std::unique_lock lock(slot.mutex);
    return wait_helping(lock, slot.cv, [&] { return done(); }, until);
  }

  std::atomic<status> status_{status::pending};
  std::atomic<bool> has_waiters_{false};
  mutable std::atomic<bool> observed_{false};
  std::exception_ptr error_;
  std::atomic<callback_node*> callbacks_{nullptr};
};

template <class T> class shared_state : public state_base {
public:
  template <class... Args> bool set_value(Args&&... args) {
    return complete(status::finished, [&] { emplace(std::forward<Args>(args)...); });
  }
  /// The value; call only when done() and not failed.
  T& value() noexcept { return *value_; }

protected:
  template <class... Args> void emplace(Args&&... args) { value_.emplace(std::forward<Args>(args)...); }

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
