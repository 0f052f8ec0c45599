// concur::event_loop: runs concur::task coroutines on one thread over epoll (≈ asyncio's loop).
//
//   concur::task<int> main_task() { co_await concur::sleep_for(10ms); co_return 0; }
//   int main() { return concur::run(main_task()); }
//
// Guarantees
// - One thread: every coroutine of a loop runs on the thread that runs the loop, so they share
//   data without locks (as in asyncio). Only post(), stop() and the cancel() of a spawned
//   task's future may be called from other threads.
// - spawn() starts a task concurrently (≈ asyncio.create_task) and returns a concur::future that
//   other coroutines can co_await and other threads can wait on.
// - Cancellation (future::cancel(), task_group, gather, wait_for) makes the task's current
//   co_await on the loop (sleep, socket, future, semaphore, queue, child tasks) throw
//   cancelled_error; a task that catches it may clean up with further awaits.
// - run(main) ≈ asyncio.run: runs main to completion on a new loop, then cancels the tasks still
//   running and lets them finish, shuts the loop's thread pool down, and returns main's value or
//   rethrows its exception.
// - co_await of a concur::future<T> (from a pool, to_thread or spawn) suspends the coroutine,
//   never the loop's thread.
#pragma once

#include <concur/detail/unique_function.hpp>
#include <concur/future.hpp>
#include <concur/task.hpp>
#include <concur/thread_pool.hpp>

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

namespace concur {

class event_loop;

namespace detail {
class spawned_base;
class remote_queue;
class timer_node;
class io_waiter;
enum class io_direction { read, write };
} // namespace detail

class event_loop {
public:
  event_loop();
  /// Cancels the tasks still running and runs the loop until they finish, then joins the
  /// loop's thread pool (waiting for to_thread work) and closes its descriptors.
  ~event_loop();
  event_loop(const event_loop&) = delete;
  event_loop& operator=(const event_loop&) = delete;

  /// The loop running on the calling thread, or null.
  static event_loop* current() noexcept;

  /// Runs the loop until `main` finishes; returns its value or rethrows its exception. Other
  /// tasks keep their state (asyncio's run_until_complete).
  template <class T> T run_until_complete(task<T> main);
  /// Runs the loop until `f` is done (without retrieving its result).
  template <class T> void run_until_done(const future<T>& f) {
    run_until([&] { return f.done(); });
  }
  /// Runs the loop until stop() is called.
  void run_forever();
  /// Makes run_forever() return soon. Thread-safe.
  void stop();

  /// Schedules `t` to run concurrently on this loop (≈ asyncio.create_task). Call it on the
  /// loop's thread (or before the loop runs). The returned future's cancel() cancels the task.
  template <class T> future<T> spawn(task<T> t);

  /// Runs `fn` on the loop's thread soon. Thread-safe (≈ call_soon_threadsafe); a no-op once
  /// the loop has been destroyed.
  void post(detail::unique_function<void()> fn);

  /// The thread pool behind to_thread() and file I/O, created on first use with Python's
  /// default size, min(32, CPUs + 4).
  thread_pool& executor();

  /// Cancels every spawned task and runs until all of them have finished.
  void cancel_all_tasks();

  // ---- For awaitables (loop thread only) ----------------------------------------------------
  void schedule(std::coroutine_handle<> h);
  void add_timer(detail::timer_node& t, std::chrono::steady_clock::time_point when);
  void remove_timer(detail::timer_node& t) noexcept;
  /// Calls `w.on_ready()` whenever `fd` may be ready in direction `d`, until it returns true.
  /// One waiter per descriptor and direction.
  void watch(int fd, detail::io_direction d, detail::io_waiter& w);
  void unwatch(int fd, detail::io_direction d) noexcept;
  /// Readiness as far as the loop knows: false once an operation found `fd` drained in that
  /// direction, true again when epoll reports it ready. An operation skips its system call
  /// while this is false, saving the call that would only fail with EAGAIN.
  bool maybe_ready(int fd, detail::io_direction d) const noexcept;
  void mark_drained(int fd, detail::io_direction d) noexcept;
  /// Forgets what the loop knows about `fd`: call it when the descriptor is closed or is new.
  void forget_fd(int fd) noexcept;
  /// The queue behind post(), which may outlive the loop.
  const std::shared_ptr<detail::remote_queue>& remote() const noexcept { return remote_; }

private:
  friend class detail::spawned_base;
  struct impl;

  template <class Pred> void run_until(Pred done);
  void enter();
  void leave() noexcept;
  void run_ready();
  void poll();
  void attach(detail::spawned_base& s);
  void detach(detail::spawned_base& s) noexcept;

  std::unique_ptr<impl> impl_;
  std::shared_ptr<detail::remote_queue> remote_;
};

/// Runs `main` on a new event loop and returns its result (≈ asyncio.run). Throws
/// std::logic_error when called on a thread that is already running a loop.
template <class T> T run(task<T> main);

/// Spawns `t` on the loop running on this thread (see event_loop::spawn).
template <class T> future<T> spawn(task<T> t);

/// Suspends the calling coroutine for `d` (≈ asyncio.sleep); `sleep_for(0ms)` yields to the
/// other ready coroutines.
template <class Rep, class Period> auto sleep_for(std::chrono::duration<Rep, Period> d);

/// Runs `f(args...)` on the loop's thread pool and awaits its result without blocking the loop
/// (≈ asyncio.to_thread). The work itself cannot be interrupted: cancelling the awaiting task
/// stops the wait, not the call.
template <class F, class... Args> task<detail::call_result_t<F, Args...>> to_thread(F f, Args... args);

/// `co_await fut` on any concur::future: suspends until it is done, then yields result().
template <class T> auto operator co_await(future<T>&& f);
template <class T> auto operator co_await(const future<T>& f);

// ---- Implementation --------------------------------------------------------------------------

namespace detail {

/// Functions posted to a loop from other threads, plus the eventfd that wakes the loop. Shared,
/// so that a late post after the loop is gone is dropped instead of touching freed memory.
class remote_queue {
public:
  remote_queue();
  ~remote_queue();
  remote_queue(const remote_queue&) = delete;
  remote_queue& operator=(const remote_queue&) = delete;
  /// False (and `fn` dropped) once closed.
  bool push(unique_function<void()> fn);
  std::vector<unique_function<void()>> take_all();
  void close();
  int fd() const noexcept { return fd_; }

private:
  std::mutex mutex_;
  std::vector<unique_function<void()>> items_;
  bool signalled_ = false;
  bool closed_ = false;
  int fd_;
};

/// A deadline registered with the loop; on_timer() runs on the loop thread when it passes.
class timer_node {
public:
  virtual void on_timer() noexcept = 0;
  bool armed() const noexcept { return armed_; }

protected:
  ~timer_node() = default;

private:
  friend class concur::event_loop;
  std::multimap<std::chrono::steady_clock::time_point, timer_node*>::iterator position_;
  bool armed_ = false;
};

/// Something waiting for a descriptor to become readable or writable.
class io_waiter {
public:
  /// The descriptor may be ready: retry the operation; true once it completed or failed (the
  /// waiter has then scheduled its coroutine), false to keep waiting.
  virtual bool on_ready() noexcept = 0;

protected:
  ~io_waiter() = default;
};

/// Common part of the awaitables that park a coroutine on the loop. Each does its work in
/// await_suspend (which sees the awaiting coroutine's task context): a pending cancellation is
/// then delivered before any side effect, such as consuming bytes from a socket.
class loop_awaitable : public suspension {
protected:
  /// False when a cancellation is pending: do not suspend, let await_resume throw.
  template <class P> bool begin(std::coroutine_handle<P> h) {
    context_ = context_of(h);
    handle_ = h;
    loop_ = event_loop::current();
    if (loop_ == nullptr) throw std::logic_error("concur: this co_await needs a running concur::event_loop");
    return !(context_ && context_->cancel_pending());
  }
  /// Registered and about to suspend: cancellation may now wake us.
  void park() noexcept {
    if (context_) context_->set_suspension(this);
  }
  /// Woken normally: resume the coroutine on the loop.
  void wake() noexcept {
    if (context_) context_->clear_suspension(this);
    loop_->schedule(handle_);
  }
  /// First thing in await_resume: delivers a pending cancellation.
  void finish() {
    if (context_ == nullptr) return;
    context_->clear_suspension(this);
    if (context_->take_cancel()) throw cancelled_error();
  }

  task_context* context_ = nullptr;
  event_loop* loop_ = nullptr;
  std::coroutine_handle<> handle_;
};

template <class Rep, class Period> class sleep_awaitable final : public loop_awaitable, private timer_node {
public:
  explicit sleep_awaitable(std::chrono::duration<Rep, Period> d) : duration_(d) {}
  sleep_awaitable(const sleep_awaitable&) = delete;
  ~sleep_awaitable() {
    if (armed()) loop_->remove_timer(*this);
  }
  bool await_ready() const noexcept { return false; }
  template <class P> bool await_suspend(std::coroutine_handle<P> h) {
    if (!begin(h)) return false;
    if (duration_ <= duration_.zero()) loop_->schedule(h);
    else loop_->add_timer(*this, deadline_after(duration_));
    park();
    return true;
  }
  void await_resume() { finish(); }

private:
  void on_timer() noexcept override { wake(); }
  void cancel() noexcept override {
    if (armed()) loop_->remove_timer(*this);
    // A zero sleep is already in the ready queue and resumes by itself.
    if (duration_ > duration_.zero()) loop_->schedule(handle_);
  }
  std::chrono::duration<Rep, Period> duration_;
};

/// What links a co_await on a future to the coroutine; shared with the future's callback,
/// which may run after the coroutine has stopped waiting (cancelled or destroyed).
struct future_link : ref_counted {
  event_loop* loop = nullptr;
  std::coroutine_handle<> handle;
  task_context* context = nullptr;
  suspension* waiter = nullptr;
  bool fired = false; // touched on the loop thread only
};

void fire_future_link(future_link& link) noexcept;
void future_done_for_loop(const ref_ptr<future_link>& link, const std::shared_ptr<remote_queue>& remote);

template <class T, bool Move> class future_awaitable final : public loop_awaitable {
public:
  explicit future_awaitable(future<T> f) : future_(std::move(f)) {}
  future_awaitable(const future_awaitable&) = delete;
  ~future_awaitable() {
    if (link_) link_->fired = true;
  }
  bool await_ready() const noexcept { return false; }
  template <class P> bool await_suspend(std::coroutine_handle<P> h) {
    if (!begin(h)) return false;
    if (future_.done()) return false;
    link_ = make_ref<future_link>();
    link_->loop = loop_;
    link_->handle = h;
    link_->context = context_;
    link_->waiter = this;
    park();
    future_.state()->on_done([link = link_, remote = loop_->remote()] { future_done_for_loop(link, remote); });
    return true;
  }
  decltype(auto) await_resume() {
    finish();
    if constexpr (Move) return std::move(future_).result();
    else return future_.result();
  }

private:
  void cancel() noexcept override {
    link_->fired = true;
    loop_->schedule(handle_);
  }
  future<T> future_;
  ref_ptr<future_link> link_;
};

/// Bookkeeping the loop keeps for a spawned task: its cancellation context, its driver
/// coroutine and its place in the loop's list of live tasks.
class spawned_base {
public:
  task_context& context() noexcept { return context_; }

protected:
  explicit spawned_base(event_loop& loop) : loop_(&loop) {}
  ~spawned_base() = default;
  void detach_from_loop() noexcept {
    if (loop_) loop_->detach(*this);
    loop_ = nullptr;
  }

private:
  friend class concur::event_loop;
  /// The loop is being destroyed with this task unfinished: fail its future as cancelled.
  virtual void abandon() noexcept = 0;

  event_loop* loop_;
  task_context context_;
  std::coroutine_handle<> driver_;
  spawned_base* prev_ = nullptr;
  spawned_base* next_ = nullptr;
};

template <class T> class spawned_state final : public shared_state<T>, public spawned_base {
public:
  explicit spawned_state(event_loop& loop) : spawned_base(loop), remote_(loop.remote()), loop_(&loop) {}
  ~spawned_state() override { report_if_unobserved(); }

  /// The driver finished running the task.
  void finish(std::exception_ptr error) noexcept {
    if (error) {
      if (this->context().cancel_requested() && is_cancellation(error)) this->complete(status::cancelled, [] {});
      else this->set_exception(std::move(error));
    }
    detach_from_loop();
  }

private:
  bool request_cancel() override {
    if (this->done()) return false;
    if (event_loop::current() == loop_) {
      this->context().request_cancel();
    } else {
      // The context belongs to the loop's thread: hand the request over.
      this->add_ref();
      ref_ptr<spawned_state> self(typename ref_ptr<spawned_state>::adopt_t{}, this);
      remote_->push([self] {
        if (!self->done()) self->context().request_cancel();
      });
    }
    return true;
  }
  void abandon() noexcept override { this->complete(status::cancelled, [] {}); }

  static bool is_cancellation(const std::exception_ptr& e) noexcept {
    try {
      std::rethrow_exception(e);
    } catch (const cancelled_error&) {
      return true;
    } catch (...) {
      return false;
    }
  }
  void report_if_unobserved() noexcept;

  std::shared_ptr<remote_queue> remote_;
  event_loop* loop_;
};

void report_unobserved_task_exception(const std::exception_ptr& e) noexcept;

template <class T> void spawned_state<T>::report_if_unobserved() noexcept {
  if (this->raw_error() && !this->cancelled() && !this->observed()) report_unobserved_task_exception(this->raw_error());
}

/// The coroutine that runs a spawned task and stores its outcome in the task's future.
struct driver {
  struct promise_type : promise_base {
    driver get_return_object() noexcept { return driver{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never final_suspend() const noexcept { return {}; }
    void return_void() const noexcept {}
    void unhandled_exception() const noexcept { std::terminate(); }
  };
  std::coroutine_handle<promise_type> handle;
};

template <class T> driver drive(task<T> body, ref_ptr<spawned_state<T>> state) {
  std::exception_ptr error;
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(body);
      state->set_value();
    } else {
      state->set_value(co_await std::move(body));
    }
  } catch (...) {
    error = std::current_exception();
  }
  state->finish(std::move(error));
}

} // namespace detail

template <class T> future<T> event_loop::spawn(task<T> t) {
  auto state = detail::make_ref<detail::spawned_state<T>>(*this);
  future<T> result{detail::ref_ptr<detail::shared_state<T>>(state)};
  detail::spawned_base& base = *state;
  auto d = detail::drive(std::move(t), std::move(state));
  d.handle.promise().set_context(&base.context());
  base.driver_ = d.handle;
  attach(base);
  return result;
}

template <class Pred> void event_loop::run_until(Pred done) {
  enter();
  struct exit_guard {
    event_loop& loop;
    ~exit_guard() { loop.leave(); }
  } guard{*this};
  for (;;) {
    run_ready();
    if (done()) return;
    poll();
  }
}

template <class T> T event_loop::run_until_complete(task<T> main) {
  auto f = spawn(std::move(main));
  run_until_done(f);
  return std::move(f).result();
}

template <class T> T run(task<T> main) {
  if (event_loop::current() != nullptr) throw std::logic_error("concur::run cannot be called from a running event loop");
  event_loop loop;
  auto f = loop.spawn(std::move(main));
  loop.run_until_done(f);
  loop.cancel_all_tasks();
  return std::move(f).result();
}

template <class T> future<T> spawn(task<T> t) {
  event_loop* loop = event_loop::current();
  if (loop == nullptr) throw std::logic_error("concur::spawn needs a running concur::event_loop");
  return loop->spawn(std::move(t));
}

template <class Rep, class Period> auto sleep_for(std::chrono::duration<Rep, Period> d) {
  return detail::sleep_awaitable<Rep, Period>(d);
}

template <class T> auto operator co_await(future<T>&& f) { return detail::future_awaitable<T, true>(std::move(f)); }
template <class T> auto operator co_await(const future<T>& f) { return detail::future_awaitable<T, false>(f); }

template <class F, class... Args> task<detail::call_result_t<F, Args...>> to_thread(F f, Args... args) {
  event_loop* loop = event_loop::current();
  if (loop == nullptr) throw std::logic_error("concur::to_thread needs a running concur::event_loop");
  co_return co_await loop->executor().submit(std::move(f), std::move(args)...);
}

} // namespace concur
