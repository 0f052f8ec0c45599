// Child tasks of one coroutine, spawned on its loop and awaited together: the machinery of
// gather, when_any, wait_for, as_completed and task_group. Loop thread only.
#pragma once

#include <concur/event_loop.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace concur::detail {

class set_wait;

class child_set : public std::enable_shared_from_this<child_set> {
public:
  /// `cancel_siblings_on_failure`: the first child that fails (other than by cancellation)
  /// cancels all the others (task_group, gather).
  static std::shared_ptr<child_set> create(bool cancel_siblings_on_failure) {
    event_loop* loop = event_loop::current();
    if (loop == nullptr) throw std::logic_error("concur: child tasks need a running concur::event_loop");
    return std::make_shared<child_set>(passkey{}, *loop, cancel_siblings_on_failure);
  }
  struct passkey {
    explicit passkey() = default;
  };
  child_set(passkey, event_loop& loop, bool cancel_siblings_on_failure) : loop_(&loop), cancel_on_failure_(cancel_siblings_on_failure) {}

  template <class T> future<T> spawn(task<T> t) {
    future<T> f = loop_->spawn(std::move(t));
    const std::size_t index = children_.size();
    state_base* state = f.state();
    state->add_ref();
    children_.emplace_back(typename ref_ptr<state_base>::adopt_t{}, state);
    state->on_done([self = shared_from_this(), index] { self->child_done(index); });
    return f;
  }

  void cancel_all() {
    for (auto& child : children_)
      if (!child->done()) child->cancel();
  }

  std::size_t size() const noexcept { return children_.size(); }
  std::size_t finished() const noexcept { return order_.size(); }
  bool all_done() const noexcept { return order_.size() == children_.size(); }
  /// Indices of the children in the order they finished.
  const std::vector<std::size_t>& completion_order() const noexcept { return order_; }
  /// The first exception a child failed with, cancellation aside.
  std::exception_ptr first_error() const noexcept { return first_error_; }

  void set_waiter(set_wait* w) noexcept { waiter_ = w; }

private:
  void child_done(std::size_t index);

  event_loop* loop_;
  bool cancel_on_failure_;
  std::vector<ref_ptr<state_base>> children_;
  std::vector<std::size_t> order_;
  std::exception_ptr first_error_;
  set_wait* waiter_ = nullptr;
};

/// Suspends until at least `needed` children (`all_children`: every child, including those
/// spawned while waiting) have finished, or the deadline passes. When the
/// awaiting task is cancelled it cancels every child and resumes only once all have finished, so
/// no child outlives the frame that spawned it. await_resume() yields false on timeout.
class set_wait final : public loop_awaitable, private timer_node {
public:
  static constexpr std::size_t all_children = static_cast<std::size_t>(-1);
  set_wait(std::shared_ptr<child_set> set, std::size_t needed, deadline until = std::nullopt, bool rethrow_failure = false)
      : set_(std::move(set)), needed_(needed), until_(until), rethrow_failure_(rethrow_failure) {}
  set_wait(const set_wait&) = delete;
  ~set_wait() {
    release();
  }

  bool await_ready() const noexcept { return false; }
  template <class P> bool await_suspend(std::coroutine_handle<P> h) {
    if (!begin(h)) {
      parent_cancelled_ = true;
      set_->cancel_all();
    }
    if (satisfied()) return false;
    set_->set_waiter(this);
    if (!parent_cancelled_) {
      if (until_) loop_->add_timer(*this, *until_);
      park();
    }
    return true;
  }
  bool await_resume() {
    release();
    bool cancelled = false;
    try {
      finish();
    } catch (const cancelled_error&) {
      cancelled = true;
    }
    if (rethrow_failure_)
      if (auto e = set_->first_error()) std::rethrow_exception(e);
    if (cancelled) throw cancelled_error();
    return !timed_out_;
  }

  /// A child finished.
  void check() noexcept {
    if (!satisfied()) return;
    release();
    wake();
  }

private:
  bool satisfied() const noexcept {
    return parent_cancelled_ || needed_ == all_children ? set_->all_done() : set_->finished() >= needed_;
  }
  void release() noexcept {
    if (armed()) loop_->remove_timer(*this);
    set_->set_waiter(nullptr);
  }
  void on_timer() noexcept override {
    timed_out_ = true;
    set_->set_waiter(nullptr);
    wake();
  }
  void cancel() noexcept override {
    parent_cancelled_ = true;
    if (armed()) loop_->remove_timer(*this);
    set_->cancel_all();
    if (set_->all_done()) {
      set_->set_waiter(nullptr);
      loop_->schedule(handle_);
    }
  }

  std::shared_ptr<child_set> set_;
  std::size_t needed_;
  deadline until_;
  bool rethrow_failure_;
  bool parent_cancelled_ = false;
  bool timed_out_ = false;
};

inline void child_set::child_done(std::size_t index) {
  order_.push_back(index);
  const auto& child = children_[index];
  if (!child->cancelled() && child->error() != nullptr && !first_error_) {
    first_error_ = child->error();
    if (cancel_on_failure_) cancel_all();
  }
  if (waiter_) waiter_->check();
}

/// Cancels the children still running when the frame that owns them unwinds early.
struct cancel_children_on_exit {
  std::shared_ptr<child_set> set;
  ~cancel_children_on_exit() {
    if (set) set->cancel_all();
  }
};

} // namespace concur::detail
