// Running coroutines concurrently and waiting for them (≈ asyncio.gather, wait_for,
// as_completed, and a when_any in the spirit of asyncio.wait(FIRST_COMPLETED)).
//
//   auto [a, b] = co_await concur::gather(fetch(x), fetch(y));       // std::tuple
//   std::vector<int> all = co_await concur::gather(std::move(tasks)); // in input order
//   auto first = co_await concur::when_any(std::move(tasks));         // {index, value}
//   int v = co_await concur::wait_for(fetch(x), 2s);                  // timeout_error
//   for (auto next : concur::as_completed(std::move(tasks))) { int v = co_await std::move(next); }
//
// Guarantees (all run on the awaiting coroutine's loop)
// - Children start in argument order, each as its own task, and run concurrently.
// - gather: when a child fails, the others are cancelled and awaited, then the first failure
//   is rethrown. (asyncio.gather leaves the other children running; concur does not, because a
//   C++ child may refer to its parent's frame. This is asyncio.TaskGroup's behaviour.)
// - when_any: yields the first child to finish (or rethrows its exception) after cancelling and
//   awaiting the others.
// - wait_for: on timeout the child is cancelled and awaited, then timeout_error is thrown.
// - Cancelling the awaiting task cancels every child and waits for them before cancelled_error
//   reaches it: no child outlives the call.
#pragma once

#include <concur/detail/child_set.hpp>
#include <concur/event_loop.hpp>
#include <concur/task.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

namespace concur {

/// What gather() yields for a child: its value, or std::monostate for task<void>.
template <class T> using gathered_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <class T> struct when_any_result {
  std::size_t index;
  T value;
};
template <> struct when_any_result<void> {
  std::size_t index;
};

template <class... Ts> task<std::tuple<gathered_t<Ts>...>> gather(task<Ts>... tasks);

/// Results in input order; task<void> children give task<void>.
template <class T> task<std::conditional_t<std::is_void_v<T>, void, std::vector<T>>> gather(std::vector<task<T>> tasks);

template <class T> task<when_any_result<T>> when_any(std::vector<task<T>> tasks);
template <class T, class... Ts>
  requires(std::is_same_v<T, Ts> && ...)
task<when_any_result<T>> when_any(task<T> first, task<Ts>... rest);

template <class T, class Rep, class Period> task<T> wait_for(task<T> t, std::chrono::duration<Rep, Period> timeout);
/// Awaits a future with a timeout; on timeout the future is cancelled, then timeout_error.
template <class T, class Rep, class Period> task<T> wait_for(future<T> f, std::chrono::duration<Rep, Period> timeout);

/// The children's results in the order they finish; each element is a task<T> to co_await,
/// which yields the next result to finish (or rethrows its exception). Destroying the sequence
/// cancels the children still running.
template <class T> class completion_stream;
template <class T> completion_stream<T> as_completed(std::vector<task<T>> tasks);

// ---- Implementation --------------------------------------------------------------------------

namespace detail {
template <class T> gathered_t<T> take_gathered(future<T>& f) {
  if constexpr (std::is_void_v<T>) {
    f.result();
    return {};
  } else {
    return std::move(f).result();
  }
}
} // namespace detail

template <class... Ts> task<std::tuple<gathered_t<Ts>...>> gather(task<Ts>... tasks) {
  auto set = detail::child_set::create(/*cancel_siblings_on_failure=*/true);
  detail::cancel_children_on_exit guard{set};
  std::tuple<future<Ts>...> futures{set->spawn(std::move(tasks))...};
  co_await detail::set_wait(set, sizeof...(Ts), std::nullopt, /*rethrow_failure=*/true);
  co_return std::apply([](auto&... f) { return std::tuple<gathered_t<Ts>...>{detail::take_gathered(f)...}; }, futures);
}

template <class T> task<std::conditional_t<std::is_void_v<T>, void, std::vector<T>>> gather(std::vector<task<T>> tasks) {
  auto set = detail::child_set::create(/*cancel_siblings_on_failure=*/true);
  detail::cancel_children_on_exit guard{set};
  std::vector<future<T>> futures;
  futures.reserve(tasks.size());
  for (auto& t : tasks) futures.push_back(set->spawn(std::move(t)));
  co_await detail::set_wait(set, futures.size(), std::nullopt, /*rethrow_failure=*/true);
  if constexpr (std::is_void_v<T>) {
    for (auto& f : futures) f.result();
  } else {
    std::vector<T> out;
    out.reserve(futures.size());
    for (auto& f : futures) out.push_back(std::move(f).result());
    co_return out;
  }
}

template <class T> task<when_any_result<T>> when_any(std::vector<task<T>> tasks) {
  if (tasks.empty()) throw std::invalid_argument("concur::when_any needs at least one task");
  auto set = detail::child_set::create(/*cancel_siblings_on_failure=*/false);
  detail::cancel_children_on_exit guard{set};
  std::vector<future<T>> futures;
  for (auto& t : tasks) futures.push_back(set->spawn(std::move(t)));
  co_await detail::set_wait(set, 1);
  const std::size_t winner = set->completion_order().front();
  set->cancel_all();
  co_await detail::set_wait(set, futures.size());
  if constexpr (std::is_void_v<T>) {
    futures[winner].result();
    co_return when_any_result<void>{winner};
  } else {
    co_return when_any_result<T>{winner, std::move(futures[winner]).result()};
  }
}

template <class T, class... Ts>
  requires(std::is_same_v<T, Ts> && ...)
task<when_any_result<T>> when_any(task<T> first, task<Ts>... rest) {
  std::vector<task<T>> all;
  all.push_back(std::move(first));
  (all.push_back(std::move(rest)), ...);
  return when_any(std::move(all));
}

template <class T, class Rep, class Period> task<T> wait_for(task<T> t, std::chrono::duration<Rep, Period> timeout) {
  auto set = detail::child_set::create(/*cancel_siblings_on_failure=*/false);
  detail::cancel_children_on_exit guard{set};
  future<T> f = set->spawn(std::move(t));
  if (!co_await detail::set_wait(set, 1, detail::deadline_after(timeout))) {
    set->cancel_all();
    co_await detail::set_wait(set, 1);
    if (f.cancelled()) throw timeout_error("concur::wait_for: timed out");
  }
  co_return std::move(f).result();
}

template <class T, class Rep, class Period> task<T> wait_for(future<T> f, std::chrono::duration<Rep, Period> timeout) {
  try {
    co_return co_await wait_for([](future<T> g) -> task<T> { co_return co_await std::move(g); }(f), timeout);
  } catch (const timeout_error&) {
    f.cancel();
    throw;
  }
}

template <class T> class completion_stream {
public:
  class iterator {
  public:
    using value_type = task<T>;
    using difference_type = std::ptrdiff_t;
    task<T> operator*() const { return completion_stream::next(owner_->set_, owner_->futures_, index_); }
    iterator& operator++() {
      ++index_;
      return *this;
    }
    void operator++(int) { ++index_; }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.index_ == b.index_; }

  private:
    friend class completion_stream;
    iterator(const completion_stream* owner, std::size_t index) : owner_(owner), index_(index) {}
    const completion_stream* owner_;
    std::size_t index_;
  };

  explicit completion_stream(std::vector<task<T>> tasks) : set_(detail::child_set::create(false)) {
    auto futures = std::make_shared<std::vector<future<T>>>();
    for (auto& t : tasks) futures->push_back(set_->spawn(std::move(t)));
    futures_ = std::move(futures);
  }
  completion_stream(completion_stream&&) noexcept = default;
  ~completion_stream() {
    if (set_) set_->cancel_all();
  }

  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, futures_->size()); }
  std::size_t size() const noexcept { return futures_->size(); }

private:
  static task<T> next(std::shared_ptr<detail::child_set> set, std::shared_ptr<std::vector<future<T>>> futures, std::size_t k) {
    co_await detail::set_wait(set, k + 1);
    co_return (*futures)[set->completion_order()[k]].result();
  }
  std::shared_ptr<detail::child_set> set_;
  std::shared_ptr<std::vector<future<T>>> futures_;
};

template <class T> completion_stream<T> as_completed(std::vector<task<T>> tasks) { return completion_stream<T>(std::move(tasks)); }

} // namespace concur
