// concur::future<T> and concur::promise<T>: the result of work running elsewhere
// (≈ Python's concurrent.futures.Future), plus the free functions that wait on many futures:
// as_completed() and wait().
//
// Guarantees
// - Every member is thread-safe. A future is a shared handle: copies refer to the same result,
//   like a Python Future object passed around; compare and hash them to key maps.
// - An exception thrown by the work is stored and rethrown by result(), on whichever thread
//   calls it, as many times as it is called.
// - Waiting on a future from inside a thread_pool task runs other pool tasks meanwhile, so a
//   task may wait on its own subtasks without deadlocking the pool.
// - Done callbacks run exactly once, on the thread that completes the future, or at once on the
//   calling thread when it is already done. An exception escaping a callback is reported on
//   stderr and otherwise ignored, as Python does.
#pragma once

#include <concur/detail/future_state.hpp>
#include <concur/errors.hpp>

#include <chrono>
#include <compare>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <iterator>
#include <memory>
#include <optional>
#include <ranges>
#include <type_traits>
#include <vector>

namespace concur {

template <class T> class promise;

template <class T> class future {
  static_assert(!std::is_reference_v<T>, "concur::future<T&> is not supported: return a pointer or std::reference_wrapper");

public:
  using value_type = T;

  /// An empty handle (valid() is false); only assignment and destruction are allowed.
  future() noexcept = default;

  bool valid() const noexcept { return static_cast<bool>(state_); }
  /// Finished with a value or an exception, or cancelled.
  bool done() const noexcept { return state_->done(); }
  bool running() const noexcept { return state_->running(); }
  bool cancelled() const noexcept { return state_->cancelled(); }

  /// Python's cancel(): a task that has not started is cancelled and never runs; a running or
  /// finished one is not (false). A coroutine task spawned on an event loop is cancelled even
  /// while it runs: it receives cancelled_error at its next suspension point.
  bool cancel() const { return state_->cancel(); }

  /// Blocks until done, then returns the value or rethrows the exception (cancelled_error if
  /// cancelled). On an rvalue future the value is moved out; other copies must not read it.
  decltype(auto) result() const& {
    state_->wait();
    state_->rethrow_if_failed();
    if constexpr (std::is_void_v<T>) return;
    else return std::as_const(state_->value());
  }
  T result() &&
    requires(!std::is_void_v<T>)
  {
    state_->wait();
    state_->rethrow_if_failed();
    return std::move(state_->value());
  }
  /// As result(), but throws timeout_error if not done within `timeout`.
  template <class Rep, class Period> decltype(auto) result(std::chrono::duration<Rep, Period> timeout) const& {
    if (!wait_for(timeout)) throw timeout_error("concur: future::result timed out");
    return result();
  }

  /// The exception the work ended with (cancelled_error if cancelled), or null; waits first.
  std::exception_ptr exception() const {
    state_->wait();
    return state_->error();
  }
  template <class Rep, class Period> std::exception_ptr exception(std::chrono::duration<Rep, Period> timeout) const {
    if (!wait_for(timeout)) throw timeout_error("concur: future::exception timed out");
    return state_->error();
  }

  void wait() const { state_->wait(); }
  /// Waits at most `timeout`; returns done().
  template <class Rep, class Period> bool wait_for(std::chrono::duration<Rep, Period> timeout) const {
    return state_->wait_until(detail::deadline_after(timeout));
  }
  template <class Clock, class Duration> bool wait_until(std::chrono::time_point<Clock, Duration> until) const {
    return wait_for(until - Clock::now());
  }

  /// Python's add_done_callback: calls `fn(future)` once this future is done.
  template <class F>
    requires std::invocable<F&, const future&>
  void add_done_callback(F fn) const {
    state_->on_done([self = *this, fn = std::move(fn)]() mutable { fn(self); });
  }

  /// Chains work: the returned future holds `fn(value)` (`fn()` for future<void>), or this
  /// future's exception if it failed (then `fn` is not called). `fn` runs where callbacks run.
  template <class F> auto then(F fn) const;

  friend bool operator==(const future& a, const future& b) noexcept { return a.state_.get() == b.state_.get(); }
  friend std::strong_ordering operator<=>(const future& a, const future& b) noexcept {
    return std::compare_three_way{}(a.state_.get(), b.state_.get());
  }

  /// Adopts an existing state (used by promise and the executors).
  explicit future(detail::ref_ptr<detail::shared_state<T>> state) noexcept : state_(std::move(state)) {}
  detail::shared_state<T>* state() const noexcept { return state_.get(); }

private:
  detail::ref_ptr<detail::shared_state<T>> state_;
};

/// The producing side of a future, for code that completes work by other means (a callback, an
/// event loop, another process). Destroying a promise that was never satisfied fails its future
/// with std::future_error(broken_promise).
template <class T> class promise {
public:
  promise() : state_(detail::make_ref<detail::shared_state<T>>()) {}
  promise(promise&&) noexcept = default;
  promise& operator=(promise&& o) noexcept {
    abandon();
    state_ = std::move(o.state_);
    return *this;
  }
  ~promise() { abandon(); }

  future<T> get_future() const { return future<T>(state_); }

  /// Each returns false, and changes nothing, if the future is already done (e.g. cancelled).
  template <class... Args> bool set_value(Args&&... args) { return state_->set_value(std::forward<Args>(args)...); }
  bool set_exception(std::exception_ptr e) { return state_->set_exception(std::move(e)); }
  /// Marks the work started: from now on cancel() fails. False if it was cancelled already.
  bool set_running() noexcept { return state_->try_start(); }

private:
  void abandon() {
    if (state_ && !state_->done())
      state_->set_exception(std::make_exception_ptr(std::future_error(std::future_errc::broken_promise)));
  }
  detail::ref_ptr<detail::shared_state<T>> state_;
};

/// A future that is already done with `value` (or void).
template <class T> future<std::decay_t<T>> make_ready_future(T&& value) {
  promise<std::decay_t<T>> p;
  p.set_value(std::forward<T>(value));
  return p.get_future();
}
inline future<void> make_ready_future() {
  promise<void> p;
  p.set_value();
  return p.get_future();
}
template <class T> future<T> make_exceptional_future(std::exception_ptr e) {
  promise<T> p;
  p.set_exception(std::move(e));
  return p.get_future();
}

/// A std::future that becomes ready with this future's outcome (a cancelled future gives a
/// std::future that throws cancelled_error).
template <class T> std::future<T> to_std_future(const future<T>& f);

// ---- Waiting on many futures ---------------------------------------------------------------

/// When concur::wait() returns (Python's FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED).
enum class return_when { first_completed, first_exception, all_completed };
inline constexpr return_when first_completed = return_when::first_completed;
inline constexpr return_when first_exception = return_when::first_exception;
inline constexpr return_when all_completed = return_when::all_completed;

template <class T> struct wait_result {
  std::vector<future<T>> done;
  std::vector<future<T>> not_done;
};

namespace detail {
template <class E> struct future_of {
  using type = void;
};
template <class T> struct future_of<future<T>> {
  using type = future<T>;
};
template <class T, class V> struct future_of<std::pair<const future<T>, V>> {
  using type = future<T>;
};
template <class R> using future_in = typename future_of<std::remove_cvref_t<std::ranges::range_value_t<R>>>::type;

/// Accepts a range of futures, or a map keyed by futures (Python's `as_completed(future_to_url)`
/// iterates the dict's keys).
template <class R>
concept future_range = std::ranges::input_range<R> && !std::is_void_v<future_in<R>>;

template <class F, class E> F key_future(const E& element) {
  if constexpr (std::is_same_v<std::remove_cvref_t<E>, F>) return element;
  else return element.first;
}

/// Collects the indices of futures in the order they complete.
class completion_queue {
public:
  void push(std::size_t index) {
    {
      std::lock_guard lock(mutex_);
      done_.push_back(index);
    }
    cv_.notify_all();
  }
  /// The next completed index, or nullopt at the deadline.
  std::optional<std::size_t> pop(const deadline& until) {
    std::unique_lock lock(mutex_);
    if (!wait_helping(lock, cv_, [&] { return !done_.empty(); }, until)) return std::nullopt;
    auto index = done_.front();
    done_.pop_front();
    return index;
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::size_t> done_;
};

template <class F, class T> struct continuation_result {
  using type = std::invoke_result_t<F&, T&>;
};
template <class F> struct continuation_result<F, void> {
  using type = std::invoke_result_t<F&>;
};

template <class F, class R> std::vector<F> collect_futures(R&& futures) {
  std::vector<F> out;
  for (auto&& element : futures) out.push_back(key_future<F>(element));
  return out;
}

template <class F> std::shared_ptr<completion_queue> watch(const std::vector<F>& futures) {
  auto queue = std::make_shared<completion_queue>();
  for (std::size_t i = 0; i < futures.size(); ++i)
    futures[i].state()->on_done([queue, i] { queue->push(i); });
  return queue;
}
} // namespace detail

/// The futures of a range in the order they finish (Python's as_completed); iterate it once.
/// Iteration blocks for the next future; with a timeout, it throws timeout_error once the
/// timeout, counted from the call, has passed with futures still pending.
template <class F> class completion_sequence {
public:
  class iterator {
  public:
    using value_type = F;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;
    iterator() = default;
    const F& operator*() const { return current_; }
    const F* operator->() const { return &current_; }
    iterator& operator++() {
      owner_->advance(*this);
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) { return it.owner_ == nullptr; }

  private:
    friend class completion_sequence;
    completion_sequence* owner_ = nullptr;
    F current_;
  };

  completion_sequence(std::vector<F> futures, detail::deadline until)
      : futures_(std::move(futures)), queue_(detail::watch(futures_)), until_(until) {}

  iterator begin() {
    iterator it;
    it.owner_ = this;
    advance(it);
    return it;
  }
  std::default_sentinel_t end() const noexcept { return {}; }
  std::size_t size() const noexcept { return futures_.size(); }

private:
  void advance(iterator& it) {
    if (yielded_ == futures_.size()) {
      it.owner_ = nullptr;
      return;
    }
    auto index = queue_->pop(until_);
    if (!index) throw timeout_error("concur: as_completed timed out with " + std::to_string(futures_.size() - yielded_) + " futures pending");
    ++yielded_;
    it.current_ = futures_[*index];
  }

  std::vector<F> futures_;
  std::shared_ptr<detail::completion_queue> queue_;
  detail::deadline until_;
  std::size_t yielded_ = 0;
};

template <detail::future_range R> auto as_completed(R&& futures) {
  using F = detail::future_in<R>;
  return completion_sequence<F>(detail::collect_futures<F>(futures), std::nullopt);
}
template <detail::future_range R, class Rep, class Period>
auto as_completed(R&& futures, std::chrono::duration<Rep, Period> timeout) {
  using F = detail::future_in<R>;
  return completion_sequence<F>(detail::collect_futures<F>(futures), detail::deadline_after(timeout));
}

/// Python's concurrent.futures.wait: blocks until the condition holds or the timeout passes,
/// then splits the futures into done and not_done (each in the order given).
template <detail::future_range R>
auto wait(R&& futures, return_when when = all_completed, detail::deadline until = std::nullopt) {
  using F = detail::future_in<R>;
  auto all = detail::collect_futures<F>(futures);
  auto queue = detail::watch(all);
  std::size_t finished = 0;
  for (bool satisfied = all.empty(); !satisfied;) {
    auto index = queue->pop(until);
    if (!index) break;
    ++finished;
    satisfied = finished == all.size() || when == first_completed ||
                (when == first_exception && all[*index].state()->error() != nullptr);
  }
  wait_result<typename F::value_type> out;
  for (auto& f : all) (f.done() ? out.done : out.not_done).push_back(f);
  return out;
}
template <detail::future_range R, class Rep, class Period>
auto wait(R&& futures, return_when when, std::chrono::duration<Rep, Period> timeout) {
  return wait(std::forward<R>(futures), when, detail::deadline_after(timeout));
}
template <detail::future_range R, class Rep, class Period>
auto wait(R&& futures, std::chrono::duration<Rep, Period> timeout) {
  return wait(std::forward<R>(futures), all_completed, detail::deadline_after(timeout));
}

// ---- Definitions -----------------------------------------------------------------------------

template <class T> template <class F> auto future<T>::then(F fn) const {
  using U = std::remove_cvref_t<typename detail::continuation_result<F, T>::type>;
  promise<U> next;
  auto result = next.get_future();
  state_->on_done([self = *this, fn = std::move(fn), next = std::move(next)]() mutable {
    try {
      self.state_->rethrow_if_failed();
      if constexpr (std::is_void_v<T> && std::is_void_v<U>) {
        std::invoke(fn);
        next.set_value();
      } else if constexpr (std::is_void_v<T>) {
        next.set_value(std::invoke(fn));
      } else if constexpr (std::is_void_v<U>) {
        std::invoke(fn, self.state_->value());
        next.set_value();
      } else {
        next.set_value(std::invoke(fn, self.state_->value()));
      }
    } catch (...) {
      next.set_exception(std::current_exception());
    }
  });
  return result;
}

template <class T> std::future<T> to_std_future(const future<T>& f) {
  auto target = std::make_shared<std::promise<T>>();
  auto out = target->get_future();
  f.add_done_callback([target](const future<T>& done) {
    try {
      if constexpr (std::is_void_v<T>) {
        done.result();
        target->set_value();
      } else {
        target->set_value(done.result());
      }
    } catch (...) {
      target->set_exception(std::current_exception());
    }
  });
  return out;
}

} // namespace concur

template <class T> struct std::hash<concur::future<T>> {
  std::size_t operator()(const concur::future<T>& f) const noexcept { return std::hash<const void*>{}(f.state()); }
};
