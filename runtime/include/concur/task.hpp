// concur::task<T>: a lazy coroutine (≈ a Python coroutine object, `async def`).
//
//   concur::task<int> answer() { co_return 42; }
//   concur::task<void> caller() { int v = co_await answer(); ... }
//
// Guarantees
// - Lazy: the body starts when the task is awaited (or handed to spawn/gather/run), never
//   before, like calling an `async def` function without awaiting it.
// - Symmetric transfer: awaiting a task and returning from it jump straight to the other
//   coroutine, so chains of a million nested or sequential awaits use constant stack.
// - An exception leaving the body is rethrown by the co_await that awaits the task.
// - A task is move-only and owns its coroutine frame; destroying a task that never ran, or
//   that is suspended, destroys the frame and the objects in it.
// - A task awaited by another shares its cancellation: cancelling a spawned task delivers
//   cancelled_error at whatever point of its await chain is suspended.
#pragma once

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace concur {

template <class T = void> class task;

namespace detail {

class suspension;

/// The cancellation state of one concurrently running task (one spawn, like an asyncio.Task),
/// shared by every coroutine of its await chain. Touched only on its loop's thread.
class task_context {
public:
  /// Requests cancellation: the task sees cancelled_error at its current suspension point, or
  /// at the next one if it is running now.
  void request_cancel() noexcept;
  bool cancel_requested() const noexcept { return cancelled_; }

  /// Whether a cancellation awaits delivery; delivering consumes it (Python's semantics: a task
  /// that catches cancelled_error may go on awaiting).
  bool cancel_pending() const noexcept { return pending_; }
  bool take_cancel() noexcept { return std::exchange(pending_, false); }

  /// The awaitable the task is suspended on, which cancellation wakes early.
  void set_suspension(suspension* s) noexcept { current_ = s; }
  void clear_suspension(suspension* s) noexcept {
    if (current_ == s) current_ = nullptr;
  }

private:
  bool cancelled_ = false;
  bool pending_ = false;
  suspension* current_ = nullptr;
};

/// An awaitable that parks a coroutine on the event loop and can be woken early by cancel().
class suspension {
public:
  /// Stop waiting and resume the coroutine soon; its await_resume() then throws cancelled_error.
  virtual void cancel() noexcept = 0;

protected:
  ~suspension() = default;
};

inline void task_context::request_cancel() noexcept {
  cancelled_ = true;
  pending_ = true;
  if (suspension* s = std::exchange(current_, nullptr)) s->cancel();
}

class promise_base {
public:
  struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <class P> std::coroutine_handle<> await_suspend(std::coroutine_handle<P> done) const noexcept {
      return done.promise().continuation_;
    }
    void await_resume() const noexcept {}
  };

  std::suspend_always initial_suspend() const noexcept { return {}; }
  final_awaiter final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept { error_ = std::current_exception(); }

  task_context* context() const noexcept { return context_; }
  void set_context(task_context* ctx) noexcept { context_ = ctx; }
  void set_continuation(std::coroutine_handle<> h) noexcept { continuation_ = h; }

protected:
  void rethrow_if_failed() const {
    if (error_) std::rethrow_exception(error_);
  }

private:
  std::coroutine_handle<> continuation_ = std::noop_coroutine();
  task_context* context_ = nullptr;
  std::exception_ptr error_;
};

/// The task context of the coroutine behind `h`, or null if it is not a concur coroutine.
template <class P> task_context* context_of(std::coroutine_handle<P> h) noexcept {
  if constexpr (std::is_base_of_v<promise_base, P>) return h.promise().context();
  else return nullptr;
}

template <class T> class task_promise : public promise_base {
public:
  task<T> get_return_object() noexcept;
  template <class U> void return_value(U&& value) { value_.emplace(std::forward<U>(value)); }
  T take() {
    rethrow_if_failed();
    return std::move(*value_);
  }

private:
  std::optional<T> value_;
};

template <> class task_promise<void> : public promise_base {
public:
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void take() const { rethrow_if_failed(); }
};

} // namespace detail

template <class T> class [[nodiscard]] task {
public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;

  task() noexcept = default;
  task(task&& o) noexcept : handle_(std::exchange(o.handle_, {})) {}
  task& operator=(task&& o) noexcept {
    if (this != &o) {
      if (handle_) handle_.destroy();
      handle_ = std::exchange(o.handle_, {});
    }
    return *this;
  }
  ~task() {
    if (handle_) handle_.destroy();
  }

  /// False for a default-constructed or moved-from task.
  bool valid() const noexcept { return static_cast<bool>(handle_); }

  /// Runs the task to completion and yields its value (or rethrows its exception). The
  /// awaiting coroutine's cancellation context is passed down to the task.
  auto operator co_await() && noexcept { return awaiter{handle_}; }

  /// The coroutine frame, for schedulers (spawn, gather) that start the task themselves.
  std::coroutine_handle<promise_type> handle() const noexcept { return handle_; }

private:
  struct awaiter {
    std::coroutine_handle<promise_type> child;
    bool await_ready() const noexcept { return false; }
    template <class P> std::coroutine_handle<> await_suspend(std::coroutine_handle<P> parent) noexcept {
      child.promise().set_continuation(parent);
      child.promise().set_context(detail::context_of(parent));
      return child;
    }
    T await_resume() { return child.promise().take(); }
  };

  friend promise_type;
  explicit task(std::coroutine_handle<promise_type> h) noexcept : handle_(h) {}
  std::coroutine_handle<promise_type> handle_;
};

namespace detail {
template <class T> task<T> task_promise<T>::get_return_object() noexcept {
  return task<T>(std::coroutine_handle<task_promise<T>>::from_promise(*this));
}
inline task<void> task_promise<void>::get_return_object() noexcept {
  return task<void>(std::coroutine_handle<task_promise<void>>::from_promise(*this));
}
} // namespace detail

} // namespace concur
