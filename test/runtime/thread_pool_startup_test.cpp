// concur::thread_pool starts its workers as work arrives: how many threads a pool starts, and
// that work still gets the threads it needs (blocking tasks, subtasks, waits).
#include <concur/thread_pool.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <latch>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

/// The threads of this process now. A thread just joined may linger for a moment, so a count
/// taken before a pool exists can only be too high, never too low.
std::size_t thread_count() {
  std::size_t n = 0;
  for ([[maybe_unused]] auto& entry : std::filesystem::directory_iterator("/proc/self/task")) ++n;
  return n;
}

/// thread_count() before a pool exists. ThreadSanitizer starts a thread of its own with the
/// process's second one: one thread started and joined first keeps it out of the difference.
std::size_t thread_count_before_pool() {
  std::thread([] {}).join();
  return thread_count();
}

TEST(ThreadPoolStartup, PoolWithoutWorkStartsNoThread) {
  const std::size_t before = thread_count_before_pool();
  concur::thread_pool pool(32);
  EXPECT_LE(thread_count(), before);
}

TEST(ThreadPoolStartup, FewBlockingTasksStartAtMostOneThreadEachAndRunTogether) {
  const std::size_t before = thread_count_before_pool();
  concur::thread_pool pool(32);
  // Each task blocks until all three run at once: they complete only if they got three threads.
  std::latch all_running(3);
  std::vector<concur::future<void>> tasks;
  for (int i = 0; i < 3; ++i) tasks.push_back(pool.submit([&] { all_running.arrive_and_wait(); }));
  for (auto& t : tasks) t.result();
  EXPECT_LE(thread_count(), before + 3);
}

TEST(ThreadPoolStartup, SubtasksThatBlockWithTheirParentGetThreadsOfTheirOwn) {
  concur::thread_pool pool(4);
  // The parent does not wait on a future (which would run the subtasks itself): it blocks, so
  // its subtasks progress only on workers started for them.
  auto parent = pool.submit([&pool] {
    std::latch all_running(3);
    auto a = pool.submit([&] { all_running.arrive_and_wait(); });
    auto b = pool.submit([&] { all_running.arrive_and_wait(); });
    all_running.arrive_and_wait();
    a.result();
    b.result();
  });
  EXPECT_EQ(parent.wait_for(30s), true);
}

TEST(ThreadPoolStartup, TaskWaitingOnASubtaskThatNeedsAnotherWorkerCompletes) {
  concur::thread_pool pool(8);
  // The parent waits on `first`, which it runs itself (nobody started it); `first` blocks until
  // `second` runs, which takes a worker the pool has to start.
  auto parent = pool.submit([&pool] {
    std::latch second_ran(1);
    auto first = pool.submit([&] { second_ran.wait(); });
    auto second = pool.submit([&] { second_ran.count_down(); });
    first.result();
    second.result();
  });
  EXPECT_EQ(parent.wait_for(30s), true);
}

} // namespace
