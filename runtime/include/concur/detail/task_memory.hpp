// Memory for pool tasks. A submit() allocates its task on the submitting thread, and the task is
// often freed on another (the worker that drops the last reference). glibc's per-thread cache
// holds seven blocks of a size, so a batch of a thousand tasks went through malloc's slow paths:
// malloc and free were a quarter of the CPU time of an empty task. Here a freed block goes back
// to a cache of the thread that allocated it, with one CAS when another thread frees it.
#pragma once

#include <cstddef>
#include <new>

namespace concur::detail {

/// `size` bytes aligned to `alignof(std::max_align_t)`; throws std::bad_alloc.
void* allocate_task_memory(std::size_t size);
/// Frees a block of allocate_task_memory(size), from any thread.
void free_task_memory(void* block, std::size_t size) noexcept;

/// Base of objects allocated through the task cache: `new` and `delete` of the most derived type
/// go through it (a virtual destructor passes the derived type's size to the sized delete).
struct task_memory {
  static void* operator new(std::size_t size) { return allocate_task_memory(size); }
  static void operator delete(void* block, std::size_t size) noexcept { free_task_memory(block, size); }
  // Over-aligned objects are rare: the global allocator serves them.
  static void* operator new(std::size_t size, std::align_val_t align) { return ::operator new(size, align); }
  static void operator delete(void* block, std::size_t size, std::align_val_t align) noexcept {
    ::operator delete(block, size, align);
  }
};

} // namespace concur::detail
