// concur::semaphore: limits how many coroutines of one loop hold a resource (≈ asyncio.Semaphore).
//
//   concur::semaphore slots(10);
//   auto permit = co_await slots.hold();   // released when `permit` is destroyed
//   co_await slots.acquire(); ...; slots.release();
//
// Guarantees
// - For the coroutines of one event loop (not thread-safe, like asyncio's): use it on the
//   loop's thread only.
// - Waiters are served first come, first served; a release with waiters hands the permit
//   straight to the oldest one.
// - A waiter cancelled while queued leaves the queue and gets cancelled_error; a permit that
//   reached it just before the cancellation is passed on, never lost.
#pragma once

#include <concur/detail/waiter_list.hpp>
#include <concur/event_loop.hpp>

#include <cstddef>
#include <utility>

namespace concur {

class semaphore {
  class acquire_awaitable;

public:
  /// Releases a permit when destroyed (≈ `async with semaphore:`).
  class permit {
  public:
    permit() noexcept = default;
    explicit permit(semaphore& s) noexcept : owner_(&s) {}
    permit(permit&& o) noexcept : owner_(std::exchange(o.owner_, nullptr)) {}
    permit& operator=(permit&& o) noexcept {
      if (this != &o) {
        reset();
        owner_ = std::exchange(o.owner_, nullptr);
      }
      return *this;
    }
    ~permit() { reset(); }
    void reset() noexcept {
      if (auto* s = std::exchange(owner_, nullptr)) s->release();
    }

  private:
    semaphore* owner_ = nullptr;
  };

  explicit semaphore(std::size_t permits) noexcept : available_(permits) {}
  semaphore(const semaphore&) = delete;
  semaphore& operator=(const semaphore&) = delete;

  /// co_await: takes a permit, suspending while none is free.
  acquire_awaitable acquire() noexcept { return acquire_awaitable(*this); }
  /// co_await: as acquire(), yielding a permit object that releases on destruction.
  auto hold() noexcept;
  bool try_acquire() noexcept {
    if (available_ == 0 || !waiters_.empty()) return false;
    --available_;
    return true;
  }
  void release() noexcept {
    if (auto* w = waiters_.pop_front()) w->grant();
    else ++available_;
  }
  std::size_t available() const noexcept { return available_; }

private:
  class acquire_awaitable : public detail::loop_awaitable, public detail::waiter_hook<acquire_awaitable> {
  public:
    explicit acquire_awaitable(semaphore& s) noexcept : owner_(&s) {}
    acquire_awaitable(const acquire_awaitable&) = delete;
    ~acquire_awaitable() { owner_->waiters_.remove(this); }
    bool await_ready() const noexcept { return false; }
    template <class P> bool await_suspend(std::coroutine_handle<P> h) {
      if (!begin(h)) return false;
      if (owner_->try_acquire()) {
        granted_ = true;
        return false;
      }
      owner_->waiters_.push_back(this);
      park();
      return true;
    }
    void await_resume() {
      try {
        finish();
      } catch (...) {
        if (std::exchange(granted_, false)) owner_->release();
        throw;
      }
    }
    void grant() noexcept {
      granted_ = true;
      wake();
    }

  protected:
    semaphore* owner_;

  private:
    void cancel() noexcept override {
      owner_->waiters_.remove(this);
      loop_->schedule(handle_);
    }
    bool granted_ = false;
  };

  std::size_t available_;
  detail::waiter_list<acquire_awaitable> waiters_;
};

inline auto semaphore::hold() noexcept {
  struct hold_awaitable : acquire_awaitable {
    using acquire_awaitable::acquire_awaitable;
    permit await_resume() {
      acquire_awaitable::await_resume();
      return permit(*owner_);
    }
  };
  return hold_awaitable(*this);
}

} // namespace concur
