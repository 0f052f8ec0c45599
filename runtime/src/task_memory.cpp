// The per-thread cache behind allocate_task_memory (see task_memory.hpp).
//
// Every block carries a header naming the cache of the thread that allocated it and its size
// class. A block freed by its owner goes on the owner's list for that class, without atomics;
// a block freed by any other thread is pushed on the owner's `remote` stack, which the owner
// empties with one exchange when a list runs dry. A thread that ends closes its cache: cached
// blocks are freed, and blocks still in use elsewhere are freed by whoever frees them last,
// the last of them deleting the cache itself.
#include <concur/detail/task_memory.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)
#define CONCUR_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CONCUR_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(CONCUR_ADDRESS_SANITIZER)
#include <sanitizer/asan_interface.h>
// A cached block is poisoned, so AddressSanitizer still reports a task used after it was freed.
#define CONCUR_POISON(address, size) ASAN_POISON_MEMORY_REGION(address, size)
#define CONCUR_UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION(address, size)
#else
#define CONCUR_POISON(address, size) ((void)(address), (void)(size))
#define CONCUR_UNPOISON(address, size) ((void)(address), (void)(size))
#endif

namespace concur::detail {

namespace {

class thread_cache;

struct alignas(alignof(std::max_align_t)) header {
  thread_cache* owner; // null: allocated by a thread whose cache had closed
  std::size_t size_class;
};

/// A free block: the list link lives where the object was.
struct free_block {
  free_block* next;
};

/// Size classes every 32 bytes, header included, up to 512; larger objects bypass the cache.
constexpr std::size_t class_step = 32;
constexpr std::size_t class_count = 16;
constexpr std::size_t no_class = class_count;
constexpr std::size_t class_bytes(std::size_t c) noexcept { return (c + 1) * class_step; }
/// What one thread keeps per size class: a batch of a thousand small tasks fits.
constexpr std::size_t cached_bytes_per_class = 128 * 1024;

/// The size class of an object of `size` bytes plus its header, or no_class.
constexpr std::size_t class_of(std::size_t size) noexcept {
  const std::size_t total = size + sizeof(header);
  return total > class_bytes(class_count - 1) ? no_class : (total - 1) / class_step;
}

header* header_of(free_block* b) noexcept { return reinterpret_cast<header*>(b) - 1; }
free_block* block_after(header* h) noexcept { return reinterpret_cast<free_block*>(h + 1); }

class thread_cache {
public:
  void* allocate(std::size_t c) {
    if (lists_[c].head == nullptr) take_remote();
    if (free_block* b = lists_[c].head) {
      header* h = header_of(b);
      CONCUR_UNPOISON(h, class_bytes(c));
      lists_[c].head = b->next;
      --lists_[c].count;
      return b;
    }
    header* h = static_cast<header*>(::operator new(class_bytes(c)));
    *h = {this, c};
    ++owned_;
    return block_after(h);
  }

  /// A block of this cache freed on its own thread.
  void free_local(header* h) noexcept { keep(h); }

  /// A block of this cache freed on another thread (or on its own after it closed).
  void free_remote(header* h) noexcept {
    free_block* b = block_after(h);
    // Acquire: a closed stack means orphans_ holds its count (see close).
    free_block* head = remote_.load(std::memory_order_acquire);
    do {
      if (head == closed()) {
        ::operator delete(h);
        if (orphans_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
        return;
      }
      b->next = head;
    } while (!remote_.compare_exchange_weak(head, b, std::memory_order_release, std::memory_order_acquire));
  }

  /// The owning thread ends: frees what is cached; the blocks still out are freed by their
  /// last users, and the last of them deletes the cache.
  void close() noexcept {
    orphans_.store(owned_, std::memory_order_relaxed);
    free_block* remote = remote_.exchange(closed(), std::memory_order_acq_rel);
    std::size_t freed = 0;
    auto free_list = [&](free_block* b) {
      while (b != nullptr) {
        header* h = header_of(b);
        CONCUR_UNPOISON(h, sizeof(header));
        CONCUR_UNPOISON(h, class_bytes(h->size_class));
        b = b->next;
        ::operator delete(h);
        ++freed;
      }
    };
    free_list(remote);
    for (auto& list : lists_) free_list(std::exchange(list.head, nullptr));
    if (orphans_.fetch_sub(freed, std::memory_order_acq_rel) == freed) delete this;
  }

private:
  struct list {
    free_block* head = nullptr;
    std::size_t count = 0;
  };

  static free_block* closed() noexcept {
    static free_block sentinel{};
    return &sentinel;
  }

  /// Keeps a block for reuse, or frees it when its class already holds enough.
  void keep(header* h) noexcept {
    list& l = lists_[h->size_class];
    if (l.count * class_bytes(h->size_class) >= cached_bytes_per_class) {
      ::operator delete(h);
      --owned_;
      return;
    }
    free_block* b = block_after(h);
    b->next = l.head;
    l.head = b;
    ++l.count;
    CONCUR_POISON(h, class_bytes(h->size_class));
  }

  /// Moves the blocks other threads freed into this thread's lists.
  void take_remote() noexcept {
    free_block* b = remote_.exchange(nullptr, std::memory_order_acquire);
    while (b != nullptr) {
      free_block* next = b->next;
      keep(header_of(b));
      b = next;
    }
  }

  std::array<list, class_count> lists_{};
  /// Blocks of this cache that exist: in use or in a list.
  std::size_t owned_ = 0;
  alignas(64) std::atomic<free_block*> remote_{nullptr};
  /// After close(): the blocks still in use.
  std::atomic<std::size_t> orphans_{0};
};

/// The calling thread's cache, created on first use. A plain pointer, so that frees during
/// other thread-local destructors still read it (null once the cache closed).
thread_local thread_cache* current = nullptr;
/// Set when the thread's cache closed: what the thread allocates later bypasses the cache.
thread_local bool current_closed = false;

struct cache_closer {
  ~cache_closer() {
    current_closed = true;
    if (thread_cache* c = std::exchange(current, nullptr)) c->close();
  }
};
thread_local cache_closer closer;

thread_cache* current_cache() {
  if (current == nullptr && !current_closed) {
    // Owned by nobody: it deletes itself once its thread ended and its last block came back.
    current = new thread_cache;
    // The first use of the closer registers its destructor for this thread.
    static_cast<void>(&closer);
  }
  return current;
}

} // namespace

void* allocate_task_memory(std::size_t size) {
  const std::size_t c = class_of(size);
  if (c == no_class) return ::operator new(size);
  if (thread_cache* cache = current_cache()) return cache->allocate(c);
  auto* h = static_cast<header*>(::operator new(class_bytes(c)));
  *h = {nullptr, c};
  return block_after(h);
}

void free_task_memory(void* block, std::size_t size) noexcept {
  if (block == nullptr) return;
  if (class_of(size) == no_class) {
    ::operator delete(block);
    return;
  }
  header* h = header_of(static_cast<free_block*>(block));
  if (h->owner == nullptr) ::operator delete(h);
  else if (h->owner == current) h->owner->free_local(h);
  else h->owner->free_remote(h);
}

} // namespace concur::detail
