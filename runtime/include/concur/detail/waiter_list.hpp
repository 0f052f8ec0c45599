// An intrusive FIFO of suspended awaitables (semaphore and queue waiters): linking costs no
// allocation, and a cancelled waiter unlinks itself in O(1).
#pragma once

namespace concur::detail {

template <class W> class waiter_list;

template <class W> class waiter_hook {
  friend class waiter_list<W>;
  W* prev_ = nullptr;
  W* next_ = nullptr;
  bool linked_ = false;
};

template <class W> class waiter_list {
public:
  bool empty() const noexcept { return head_ == nullptr; }
  void push_back(W* w) noexcept {
    hook(w).prev_ = tail_;
    hook(w).next_ = nullptr;
    hook(w).linked_ = true;
    if (tail_) hook(tail_).next_ = w;
    else head_ = w;
    tail_ = w;
  }
  /// The oldest waiter, unlinked; null when empty.
  W* pop_front() noexcept {
    W* w = head_;
    if (w) remove(w);
    return w;
  }
  /// Unlinks `w` if it is linked.
  void remove(W* w) noexcept {
    auto& h = hook(w);
    if (!h.linked_) return;
    if (h.prev_) hook(h.prev_).next_ = h.next_;
    else head_ = h.next_;
    if (h.next_) hook(h.next_).prev_ = h.prev_;
    else tail_ = h.prev_;
    h.prev_ = h.next_ = nullptr;
    h.linked_ = false;
  }

private:
  static waiter_hook<W>& hook(W* w) noexcept { return *w; }
  W* head_ = nullptr;
  W* tail_ = nullptr;
};

} // namespace concur::detail
