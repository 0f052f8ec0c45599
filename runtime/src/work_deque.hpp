// The per-worker deque of a thread_pool: a Chase-Lev work-stealing deque. The owner pushes and
// pops at the bottom without locks; other workers steal from the top with one CAS.
//
// Every access to top and bottom is seq_cst instead of the paper's relaxed accesses plus
// standalone fences: ThreadSanitizer does not model fences, and a seq_cst store is what the
// pool's sleep/wake handshake needs anyway (see scheduler::park).
#pragma once

#include <concur/thread_pool.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace concur::detail {

class work_deque {
public:
  work_deque() { rings_.push_back(std::make_unique<ring>(64)); ring_.store(rings_.back().get(), std::memory_order_relaxed); }

  /// Owner only.
  void push(job* j) {
    std::int64_t b = bottom_.load(std::memory_order_relaxed);
    std::int64_t t = top_.load(std::memory_order_acquire);
    ring* r = ring_.load(std::memory_order_relaxed);
    if (b - t > static_cast<std::int64_t>(r->mask)) r = grow(r, t, b);
    r->at(b).store(j, std::memory_order_relaxed);
    bottom_.store(b + 1, std::memory_order_seq_cst);
  }

  /// Owner only: the newest job, or null.
  job* pop() {
    std::int64_t b = bottom_.load(std::memory_order_relaxed) - 1;
    ring* r = ring_.load(std::memory_order_relaxed);
    bottom_.store(b, std::memory_order_seq_cst);
    std::int64_t t = top_.load(std::memory_order_seq_cst);
    if (t > b) {
      bottom_.store(b + 1, std::memory_order_relaxed);
      return nullptr;
    }
    job* j = r->at(b).load(std::memory_order_relaxed);
    if (t == b) {
      // The last job: race the thieves for it.
      if (!top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed)) j = nullptr;
      bottom_.store(b + 1, std::memory_order_relaxed);
    }
    return j;
  }

  /// Any thread: the oldest job, or null when empty or when another thief won the race.
  job* steal() {
    std::int64_t t = top_.load(std::memory_order_seq_cst);
    std::int64_t b = bottom_.load(std::memory_order_seq_cst);
    if (t >= b) return nullptr;
    ring* r = ring_.load(std::memory_order_acquire);
    job* j = r->at(t).load(std::memory_order_relaxed);
    if (!top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed)) return nullptr;
    return j;
  }

  /// Owner only: removes `j` if it is the newest or the oldest job; false if it is neither or
  /// a thief took it first.
  bool take(job* j) {
    std::int64_t b = bottom_.load(std::memory_order_relaxed);
    std::int64_t t = top_.load(std::memory_order_seq_cst);
    if (t >= b) return false;
    ring* r = ring_.load(std::memory_order_relaxed);
    // Only the owner writes the slots and bottom, so the newest job can be looked at first.
    if (r->at(b - 1).load(std::memory_order_relaxed) == j) return pop() == j;
    if (r->at(t).load(std::memory_order_relaxed) != j) return false;
    return top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed);
  }

  bool looks_empty() const noexcept {
    return top_.load(std::memory_order_seq_cst) >= bottom_.load(std::memory_order_seq_cst);
  }

  /// How many jobs it holds, as seen by a thread other than the owner (who may be in a pop).
  std::size_t approximate_size() const noexcept {
    std::int64_t t = top_.load(std::memory_order_seq_cst);
    std::int64_t b = bottom_.load(std::memory_order_seq_cst);
    return b > t ? static_cast<std::size_t>(b - t) : 0;
  }

private:
  struct ring {
    explicit ring(std::size_t capacity) : mask(capacity - 1), slots(std::make_unique<std::atomic<job*>[]>(capacity)) {}
    std::atomic<job*>& at(std::int64_t i) noexcept { return slots[static_cast<std::size_t>(i) & mask]; }
    std::size_t mask;
    std::unique_ptr<std::atomic<job*>[]> slots;
  };

  ring* grow(ring* old, std::int64_t t, std::int64_t b) {
    auto bigger = std::make_unique<ring>((old->mask + 1) * 2);
    for (std::int64_t i = t; i < b; ++i) bigger->at(i).store(old->at(i).load(std::memory_order_relaxed), std::memory_order_relaxed);
    ring* r = bigger.get();
    // Old rings stay alive until the deque dies: a thief may still be reading one.
    rings_.push_back(std::move(bigger));
    ring_.store(r, std::memory_order_release);
    return r;
  }

  alignas(64) std::atomic<std::int64_t> top_{0};
  alignas(64) std::atomic<std::int64_t> bottom_{0};
  std::atomic<ring*> ring_;
  std::vector<std::unique_ptr<ring>> rings_;
};

} // namespace concur::detail
