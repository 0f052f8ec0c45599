// Intrusive reference counting for the objects concur shares between threads (future states,
// pool jobs). A job sits in a lock-free deque as one pointer and is also the future's state, so
// one allocation serves both; std::shared_ptr cannot be stored in a pointer-sized slot.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <utility>

namespace concur::detail {

/// Base of every reference-counted object. Starts with one reference, owned by whoever
/// created it through make_ref().
class ref_counted {
public:
  ref_counted(const ref_counted&) = delete;
  ref_counted& operator=(const ref_counted&) = delete;

  void add_ref() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  void release() noexcept {
    // acq_rel: the last owner must see every write the other owners made before deleting.
    // The one delete of an object made by make_ref(): the last reference ends it.
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }

protected:
  ref_counted() = default;
  virtual ~ref_counted() = default;
  /// For a constructor whose object starts out with several owners: no other thread can see
  /// the object yet, so a plain store replaces an atomic increment per extra owner.
  void start_with_refs(std::size_t owners) noexcept { refs_.store(owners, std::memory_order_relaxed); }

private:
  std::atomic<std::size_t> refs_{1};
};

/// Owning pointer to a ref_counted object; copying it adds a reference.
template <class T> class ref_ptr {
public:
  struct adopt_t {};
  ref_ptr() noexcept = default;
  /// Takes over a reference the caller already owns.
  ref_ptr(adopt_t, T* p) noexcept : p_(p) {}
  ref_ptr(const ref_ptr& o) noexcept : p_(o.p_) { if (p_) p_->add_ref(); }
  ref_ptr(ref_ptr&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  template <class U>
  ref_ptr(ref_ptr<U> o) noexcept : p_(o.detach()) {}
  ref_ptr& operator=(ref_ptr o) noexcept { std::swap(p_, o.p_); return *this; }
  ~ref_ptr() { if (p_) p_->release(); }

  T* get() const noexcept { return p_; }
  T* operator->() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  /// Gives up ownership without releasing: the caller now owns the reference.
  T* detach() noexcept { return std::exchange(p_, nullptr); }

private:
  T* p_ = nullptr;
};

template <class T, class... Args> ref_ptr<T> make_ref(Args&&... args) {
  return ref_ptr<T>(typename ref_ptr<T>::adopt_t{}, std::make_unique<T>(std::forward<Args>(args)...).release());
}

} // namespace concur::detail
