// concur::task_group: structured concurrency for coroutines (≈ asyncio.TaskGroup).
//
//   concur::task_group group;
//   group.spawn(handle(a));
//   auto f = group.spawn(fetch(b));       // concur::future<T> of the child
//   co_await group.join();                // waits for all; rethrows the first failure
//
// Guarantees (create, spawn and join on the loop's thread, inside a running loop)
// - The first child to fail (other than by cancellation) cancels all the others; join() waits
//   for every child, then rethrows that failure. (asyncio raises an ExceptionGroup of all
//   failures; concur rethrows the first, the others are dropped.)
// - Cancelling the task that awaits join() cancels every child and waits for them before
//   cancelled_error reaches it.
// - Always co_await join() before the group goes out of scope: a group destroyed with children
//   still running cancels them, but cannot wait for them (a destructor cannot co_await).
#pragma once

#include <concur/detail/child_set.hpp>
#include <concur/task.hpp>

#include <memory>

namespace concur {

class task_group {
public:
  task_group() : set_(detail::child_set::create(/*cancel_siblings_on_failure=*/true)) {}
  task_group(const task_group&) = delete;
  task_group& operator=(const task_group&) = delete;
  ~task_group() { set_->cancel_all(); }

  /// Starts `t` as a child of the group.
  template <class T> future<T> spawn(task<T> t) { return set_->spawn(std::move(t)); }

  /// co_await group.join(): every child finished; rethrows the first failure.
  detail::set_wait join() { return detail::set_wait(set_, detail::set_wait::all_children, std::nullopt, /*rethrow_failure=*/true); }

  /// Cancels every child still running.
  void cancel() { set_->cancel_all(); }

  std::size_t size() const noexcept { return set_->size(); }

private:
  std::shared_ptr<detail::child_set> set_;
};

} // namespace concur
