// The per-thread cache behind pool tasks' memory: reuse, frees from other threads, bursts larger
// than the cache, and blocks that outlive the thread that allocated them (LeakSanitizer checks
// that every slab goes back to the heap in the ASan build).
#include <concur/detail/task_memory.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

namespace {

using concur::detail::allocate_task_memory;
using concur::detail::free_task_memory;

TEST(TaskMemory, BlockFreedOnItsOwnThreadIsReused) {
  void* first = allocate_task_memory(48);
  free_task_memory(first, 48);
  void* second = allocate_task_memory(48);
  EXPECT_EQ(second, first);
  free_task_memory(second, 48);
}

TEST(TaskMemory, BlockFreedOnAnotherThreadReturnsToItsOwner) {
  void* block = allocate_task_memory(100);
  std::thread([&] { free_task_memory(block, 100); }).join();
  void* again = allocate_task_memory(100);
  EXPECT_EQ(again, block);
  free_task_memory(again, 100);
}

TEST(TaskMemory, BlocksOutlivingTheirThreadAreFreedByTheirLastUsers) {
  std::vector<void*> blocks;
  std::thread([&] {
    for (int i = 0; i < 100; ++i) blocks.push_back(allocate_task_memory(64));
    free_task_memory(blocks.back(), 64); // cached, then freed when the thread ends
    blocks.pop_back();
  }).join();
  for (void* b : blocks) free_task_memory(b, 64);
}

TEST(TaskMemory, ABurstLargerThanTheCacheIsGivenBackToTheHeap) {
  std::vector<void*> blocks;
  for (int i = 0; i < 100'000; ++i) blocks.push_back(allocate_task_memory(80));
  std::thread([&] {
    for (std::size_t i = 0; i < blocks.size(); i += 2) free_task_memory(blocks[i], 80);
  }).join();
  for (std::size_t i = 1; i < blocks.size(); i += 2) free_task_memory(blocks[i], 80);
  void* again = allocate_task_memory(80);
  free_task_memory(again, 80);
}

TEST(TaskMemory, LargeObjectsAreAlignedAndFreedLikeSmallOnes) {
  for (std::size_t size : {1u, 16u, 200u, 496u, 497u, 4096u}) {
    void* block = allocate_task_memory(size);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block) % alignof(std::max_align_t), 0u) << size;
    free_task_memory(block, size);
  }
}

} // namespace
