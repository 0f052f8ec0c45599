// concur::queue<T>: a FIFO between the coroutines of one loop (≈ asyncio.Queue).
//
//   concur::queue<std::string> lines(100);   // at most 100 items; 0 = unbounded
//   co_await lines.put("x");                  // suspends while full
//   std::string s = co_await lines.get();     // suspends while empty
//
// Guarantees
// - For the coroutines of one event loop (not thread-safe, like asyncio's).
// - Getters and putters are served first come, first served; an item put while getters wait
//   goes straight to the oldest getter.
// - A getter cancelled while waiting gets cancelled_error and no item is lost: an item that
//   reached it just before the cancellation goes back to the front of the queue.
#pragma once

#include <concur/detail/waiter_list.hpp>
#include <concur/event_loop.hpp>

#include <cstddef>
#include <deque>
#include <optional>
#include <utility>

namespace concur {

template <class T> class queue {
  class get_awaitable;
  class put_awaitable;

public:
  /// `max_size` 0: unbounded.
  explicit queue(std::size_t max_size = 0) noexcept : max_size_(max_size) {}
  queue(const queue&) = delete;
  queue& operator=(const queue&) = delete;

  /// co_await: appends `value`, suspending while the queue is full.
  put_awaitable put(T value) { return put_awaitable(*this, std::move(value)); }
  /// co_await: removes and yields the oldest item, suspending while the queue is empty.
  get_awaitable get() noexcept { return get_awaitable(*this); }

  /// Appends without waiting; false (and `value` dropped) when full.
  bool try_put(T value) {
    if (!has_room()) return false;
    put_now(std::move(value));
    return true;
  }
  /// Removes the oldest item without waiting; nullopt when empty.
  std::optional<T> try_get() {
    if (items_.empty()) return std::nullopt;
    T value = std::move(items_.front());
    items_.pop_front();
    // Room appeared: the oldest blocked putter's item moves in.
    if (auto* p = putters_.pop_front()) items_.push_back(p->accept());
    return value;
  }

  std::size_t size() const noexcept { return items_.size(); }
  bool empty() const noexcept { return items_.empty(); }
  bool full() const noexcept { return max_size_ != 0 && items_.size() >= max_size_; }

private:
  bool has_room() const noexcept { return !getters_.empty() || !full(); }
  void put_now(T value) {
    if (auto* g = getters_.pop_front()) g->deliver(std::move(value));
    else items_.push_back(std::move(value));
  }

  class get_awaitable : public detail::loop_awaitable, public detail::waiter_hook<get_awaitable> {
  public:
    explicit get_awaitable(queue& q) noexcept : owner_(&q) {}
    get_awaitable(const get_awaitable&) = delete;
    ~get_awaitable() { owner_->getters_.remove(this); }
    bool await_ready() const noexcept { return false; }
    template <class P> bool await_suspend(std::coroutine_handle<P> h) {
      if (!begin(h)) return false;
      value_ = owner_->try_get();
      if (value_) return false;
      owner_->getters_.push_back(this);
      park();
      return true;
    }
    T await_resume() {
      try {
        finish();
      } catch (...) {
        if (value_) owner_->items_.push_front(std::move(*value_));
        throw;
      }
      return std::move(*value_);
    }
    void deliver(T value) {
      value_.emplace(std::move(value));
      wake();
    }

  private:
    void cancel() noexcept override {
      owner_->getters_.remove(this);
      loop_->schedule(handle_);
    }
    queue* owner_;
    std::optional<T> value_;
  };

  class put_awaitable : public detail::loop_awaitable, public detail::waiter_hook<put_awaitable> {
  public:
    put_awaitable(queue& q, T value) : owner_(&q), value_(std::move(value)) {}
    put_awaitable(const put_awaitable&) = delete;
    ~put_awaitable() { owner_->putters_.remove(this); }
    bool await_ready() const noexcept { return false; }
    template <class P> bool await_suspend(std::coroutine_handle<P> h) {
      if (!begin(h)) return false;
      if (owner_->has_room()) {
        owner_->put_now(std::move(*value_));
        return false;
      }
      owner_->putters_.push_back(this);
      park();
      return true;
    }
    void await_resume() { finish(); }
    /// The queue takes the item and lets the putter go on.
    T accept() {
      T value = std::move(*value_);
      wake();
      return value;
    }

  private:
    void cancel() noexcept override {
      owner_->putters_.remove(this);
      loop_->schedule(handle_);
    }
    queue* owner_;
    std::optional<T> value_;
  };

  std::size_t max_size_;
  std::deque<T> items_;
  detail::waiter_list<get_awaitable> getters_;
  detail::waiter_list<put_awaitable> putters_;
};

} // namespace concur
