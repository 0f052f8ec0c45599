// The per-thread cache behind allocate_task_memory (see task_memory.hpp).
//
// Blocks are cut from slabs; every block carries a header naming its slab, and the slab names
// the cache of the thread that allocated it. A block freed by its owner goes on the owner's list
// for its size class, without atomics; a block freed by any other thread is pushed on the
// owner's `remote` stack, which the owner empties with one exchange when a list runs dry. A
// thread that ends closes its cache: cached blocks go back to their slabs, blocks still in use
// elsewhere go back when they are freed, and the last of them deletes the cache itself.
#include <concur/detail/task_memory.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <new>
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

/// Blocks are carved from slabs of a few KiB: a burst of a million tasks costs a few thousand
/// mallocs instead of a million. A slab is freed when the last of its blocks is.
struct slab {
  thread_cache* owner;
  std::size_t size_class;
  /// Blocks not freed to the heap: in use, in a cache list, or not carved yet.
  std::atomic<std::size_t> blocks;
};

struct alignas(alignof(std::max_align_t)) header {
  slab* home; // null: allocated by a thread whose cache had closed, without a slab
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
constexpr std::size_t slab_bytes = 8 * 1024;
constexpr std::size_t slab_header_bytes = (sizeof(slab) + alignof(std::max_align_t) - 1) / alignof(std::max_align_t) * alignof(std::max_align_t);
constexpr std::size_t blocks_per_slab(std::size_t c) noexcept { return (slab_bytes - slab_header_bytes) / class_bytes(c); }

/// The size class of an object of `size` bytes plus its header, or no_class.
constexpr std::size_t class_of(std::size_t size) noexcept {
  const std::size_t total = size + sizeof(header);
  return total > class_bytes(class_count - 1) ? no_class : (total - 1) / class_step;
}

header* header_of(free_block* b) noexcept { return reinterpret_cast<header*>(b) - 1; }
free_block* block_after(header* h) noexcept { return reinterpret_cast<free_block*>(h + 1); }

/// Gives `n` blocks of `s` back; the last one out frees the slab.
void release_blocks(slab* s, std::size_t n) noexcept {
  if (s->blocks.fetch_sub(n, std::memory_order_acq_rel) == n) {
    CONCUR_UNPOISON(s, slab_bytes);
    ::operator delete(s);
  }
}

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
    carver& k = carvers_[c];
    if (k.left == 0) {
      // Counted whole from the start, so that carving a block costs no atomic operation.
      auto* s = new (::operator new(slab_bytes)) slab{this, c, blocks_per_slab(c)};
      k = {s, reinterpret_cast<char*>(s) + slab_header_bytes, blocks_per_slab(c)};
      CONCUR_POISON(k.next, k.left * class_bytes(c));
    }
    auto* h = reinterpret_cast<header*>(k.next);
    CONCUR_UNPOISON(h, class_bytes(c));
    k.next += class_bytes(c);
    --k.left;
    h->home = k.current;
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
        release_blocks(h->home, 1);
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
        CONCUR_UNPOISON(h, sizeof(header) + sizeof(free_block));
        b = b->next;
        release_blocks(h->home, 1);
        ++freed;
      }
    };
    free_list(remote);
    for (auto& list : lists_) free_list(std::exchange(list.head, nullptr));
    for (auto& k : carvers_)
      if (k.left > 0) release_blocks(k.current, k.left);
    if (orphans_.fetch_sub(freed, std::memory_order_acq_rel) == freed) delete this;
  }

private:
  struct list {
    free_block* head = nullptr;
    std::size_t count = 0;
  };
  /// The slab new blocks of a class are cut from.
  struct carver {
    slab* current = nullptr;
    char* next = nullptr;
    std::size_t left = 0;
  };

  static free_block* closed() noexcept {
    static free_block sentinel{};
    return &sentinel;
  }

  /// Keeps a block for reuse, or gives it back to its slab when its class already holds enough.
  void keep(header* h) noexcept {
    slab* home = h->home;
    const std::size_t c = home->size_class;
    list& l = lists_[c];
    if (l.count * class_bytes(c) >= cached_bytes_per_class) {
      --owned_;
      CONCUR_POISON(h, class_bytes(c));
      release_blocks(home, 1);
      return;
    }
    free_block* b = block_after(h);
    b->next = l.head;
    l.head = b;
    ++l.count;
    CONCUR_POISON(h, class_bytes(c));
    // The header stays readable: close() and take_remote() find the block's slab there.
    CONCUR_UNPOISON(h, sizeof(header) + sizeof(free_block));
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
  std::array<carver, class_count> carvers_{};
  /// Blocks carved and not given back to their slab: in use or in a list.
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
  h->home = nullptr;
  return block_after(h);
}

void free_task_memory(void* block, std::size_t size) noexcept {
  if (block == nullptr) return;
  if (class_of(size) == no_class) {
    ::operator delete(block);
    return;
  }
  header* h = header_of(static_cast<free_block*>(block));
  if (h->home == nullptr) ::operator delete(h);
  else if (h->home->owner == current) current->free_local(h);
  else h->home->owner->free_remote(h);
}

} // namespace concur::detail
