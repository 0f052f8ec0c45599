// concur::thread_pool: submit, parallel_for, map, shutdown, work stealing and helping waits.
#include <concur/thread_pool.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <latch>
#include <list>
#include <mutex>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

int square(int x) { return x * x; }

TEST(ThreadPool, SubmitReturnsTheResult) {
  concur::thread_pool pool(2);
  auto f = pool.submit(square, 7);
  EXPECT_EQ(f.result(), 49);
}

TEST(ThreadPool, SubmitInvokesLikeStdInvoke) {
  struct counter {
    int add(int n) { return total += n; }
    int total = 0;
  } c;
  concur::thread_pool pool(1);
  EXPECT_EQ(pool.submit(&counter::add, &c, 5).result(), 5);
  int out = 0;
  pool.submit([](int& target, int v) { target = v; }, std::ref(out), 3).result();
  EXPECT_EQ(out, 3);
}

TEST(ThreadPool, SubmitPropagatesException) {
  concur::thread_pool pool(2);
  auto f = pool.submit([]() -> int { throw std::runtime_error("task failed"); });
  EXPECT_THROW(f.result(), std::runtime_error);
}

TEST(ThreadPool, DefaultSizeIsTheNumberOfUsableCpus) {
  concur::thread_pool pool;
  EXPECT_EQ(pool.max_workers(), concur::thread_pool::default_size());
  EXPECT_GE(pool.max_workers(), 1u);
}

TEST(ThreadPool, ZeroThreadsIsRejected) { EXPECT_THROW(concur::thread_pool(0), std::invalid_argument); }

TEST(ThreadPool, EveryOneOfManyTasksRunsOnce) {
  concur::thread_pool pool(2);
  std::atomic<int> runs{0};
  std::vector<concur::future<void>> fs;
  for (int i = 0; i < 20000; ++i) fs.push_back(pool.submit([&] { runs.fetch_add(1, std::memory_order_relaxed); }));
  for (auto& f : fs) f.result();
  EXPECT_EQ(runs.load(), 20000);
}

TEST(ThreadPool, TaskWaitingOnItsSubtaskDoesNotDeadlockASingleWorker) {
  concur::thread_pool pool(1);
  auto outer = pool.submit([&pool] { return pool.submit(square, 4).result() + 1; });
  EXPECT_EQ(outer.result(), 17);
}

int fib(concur::thread_pool& pool, int n) {
  if (n < 2) return n;
  auto left = pool.submit(fib, std::ref(pool), n - 1);
  int right = fib(pool, n - 2);
  return left.result() + right;
}

TEST(ThreadPool, RecursiveForkJoinCompletes) {
  concur::thread_pool pool(2);
  EXPECT_EQ(pool.submit(fib, std::ref(pool), 18).result(), 2584);
}

TEST(ThreadPool, IdleWorkerStealsFromABusyWorker) {
  concur::thread_pool pool(2);
  // The first subtask runs on the submitting worker and blocks until a subtask has started on
  // another thread: that only happens if the idle worker steals.
  auto result = pool.submit([&pool] {
    std::latch both_started(2);
    std::mutex m;
    std::set<std::thread::id> threads;
    std::vector<concur::future<void>> subtasks;
    for (int i = 0; i < 2; ++i)
      subtasks.push_back(pool.submit([&] {
        {
          std::lock_guard lock(m);
          threads.insert(std::this_thread::get_id());
        }
        both_started.arrive_and_wait();
      }));
    for (auto& f : subtasks) f.result();
    return threads.size();
  });
  EXPECT_EQ(result.result(), 2u);
}

TEST(ThreadPool, ResultRunsATaskNoWorkerStartedOnTheWaitingThread) {
  concur::thread_pool pool(1);
  std::promise<void> gate;
  auto blocker = pool.submit([g = gate.get_future().share()] { g.wait(); });
  auto queued = pool.submit([] { return std::this_thread::get_id(); });
  // The only worker is busy: the waiting thread runs the task instead of blocking on it.
  EXPECT_EQ(queued.result(), std::this_thread::get_id());
  gate.set_value();
  blocker.result();
}

TEST(ThreadPool, TaskRunOnTheWaitingThreadIsFreedWithItsLastFuture) {
  // The value lives in the task's state: it is destroyed when the last reference goes. A task
  // the waiting thread took back from its queue leaves no reference there for a worker to drop.
  static std::atomic<int> alive{0};
  struct tracked {
    tracked() { ++alive; }
    tracked(const tracked&) { ++alive; }
    ~tracked() { --alive; }
  };
  concur::thread_pool pool(1);
  std::promise<void> gate;
  std::latch started(1);
  auto blocker = pool.submit([&, g = gate.get_future().share()] {
    started.count_down();
    g.wait();
  });
  started.wait();
  {
    auto oldest = pool.submit([] { return tracked{}; });
    auto newest = pool.submit([] { return tracked{}; });
    oldest.result();
    newest.result();
    EXPECT_EQ(alive.load(), 2);
  }
  EXPECT_EQ(alive.load(), 0);
  gate.set_value();
  blocker.result();
}

TEST(ThreadPool, CancelledQueuedTaskNeverRuns) {
  concur::thread_pool pool(1);
  std::promise<void> gate;
  auto blocker = pool.submit([g = gate.get_future().share()] { g.wait(); });
  bool ran = false;
  auto queued = pool.submit([&] { ran = true; });
  EXPECT_TRUE(queued.cancel());
  gate.set_value();
  blocker.result();
  pool.shutdown();
  EXPECT_FALSE(ran);
  EXPECT_THROW(queued.result(), concur::cancelled_error);
}

TEST(ThreadPool, ShutdownWaitsForQueuedWork) {
  concur::thread_pool pool(2);
  std::atomic<int> runs{0};
  for (int i = 0; i < 100; ++i)
    pool.submit([&] {
      std::this_thread::sleep_for(100us);
      runs.fetch_add(1);
    });
  pool.shutdown(/*wait=*/true);
  EXPECT_EQ(runs.load(), 100);
}

TEST(ThreadPool, ShutdownWithCancelPendingCancelsTasksNotStarted) {
  concur::thread_pool pool(1);
  std::promise<void> gate;
  std::promise<void> started;
  auto running = pool.submit([&, g = gate.get_future().share()] {
    started.set_value();
    g.wait();
    return 1;
  });
  started.get_future().wait();
  std::vector<concur::future<int>> pending;
  for (int i = 0; i < 10; ++i) pending.push_back(pool.submit(square, i));
  pool.shutdown(/*wait=*/false, /*cancel_pending=*/true);
  gate.set_value();
  EXPECT_EQ(running.result(), 1);
  for (auto& f : pending) EXPECT_THROW(f.result(), concur::cancelled_error);
}

TEST(ThreadPool, SubmitAfterShutdownThrows) {
  concur::thread_pool pool(1);
  pool.shutdown();
  EXPECT_THROW(pool.submit(square, 1), std::runtime_error);
}

TEST(ThreadPool, RunningTaskMaySubmitDuringShutdown) {
  concur::thread_pool pool(1);
  std::promise<void> gate;
  auto outer = pool.submit([&, g = gate.get_future().share()] {
    g.wait();
    return pool.submit(square, 3).result();
  });
  std::jthread opener([&] {
    std::this_thread::sleep_for(5ms);
    gate.set_value();
  });
  pool.shutdown(/*wait=*/true);
  EXPECT_EQ(outer.result(), 9);
}

TEST(ThreadPool, DestructorRunsQueuedTasksBeforeJoining) {
  std::atomic<int> runs{0};
  {
    concur::thread_pool pool(1);
    for (int i = 0; i < 50; ++i) pool.submit([&] { runs.fetch_add(1); });
  }
  EXPECT_EQ(runs.load(), 50);
}

TEST(ThreadPool, FromStdFutureCompletesWithTheStdFuturesValue) {
  concur::thread_pool pool(1);
  std::promise<int> p;
  auto f = concur::from_std_future(p.get_future(), pool);
  p.set_value(8);
  EXPECT_EQ(f.result(), 8);
}

TEST(ThreadPool, AsCompletedInsideATaskRunsTheSubtasksItWaitsFor) {
  concur::thread_pool pool(1);
  auto total = pool.submit([&pool] {
    std::vector<concur::future<int>> fs;
    for (int i = 1; i <= 4; ++i) fs.push_back(pool.submit(square, i));
    int sum = 0;
    for (auto f : concur::as_completed(fs)) sum += f.result();
    return sum;
  });
  EXPECT_EQ(total.result(), 30);
}

TEST(ParallelFor, VisitsEveryIndexExactlyOnce) {
  concur::thread_pool pool(2);
  std::vector<std::atomic<int>> hits(10007);
  pool.parallel_for(0, 10007, [&](int i) { hits[i].fetch_add(1); });
  for (auto& h : hits) ASSERT_EQ(h.load(), 1);
}

TEST(ParallelFor, HonoursAnExplicitGrain) {
  concur::thread_pool pool(2);
  std::atomic<long> sum{0};
  pool.parallel_for(1, 101, [&](int i) { sum += i; }, 7);
  EXPECT_EQ(sum.load(), 5050);
}

TEST(ParallelFor, AcceptsMixedIntegerTypes) {
  concur::thread_pool pool(2);
  std::vector<int> v(100, 1);
  std::atomic<int> sum{0};
  pool.parallel_for(0, v.size(), [&](auto i) {
    static_assert(std::is_same_v<decltype(i), std::size_t>);
    sum += v[i];
  });
  EXPECT_EQ(sum.load(), 100);
}

TEST(ParallelFor, EmptyRangeCallsNothing) {
  concur::thread_pool pool(1);
  bool called = false;
  pool.parallel_for(5, 5, [&](int) { called = true; });
  pool.parallel_for(5, 3, [&](int) { called = true; });
  EXPECT_FALSE(called);
}

TEST(ParallelFor, RethrowsTheExceptionOfAFailingIndex) {
  concur::thread_pool pool(2);
  EXPECT_THROW(pool.parallel_for(0, 1000, [](int i) {
    if (i == 500) throw std::domain_error("index 500");
  }),
               std::domain_error);
}

TEST(ParallelFor, NestedInsideTasksCompletes) {
  concur::thread_pool pool(2);
  std::atomic<int> total{0};
  pool.parallel_for(0, 8, [&](int) { pool.parallel_for(0, 100, [&](int) { total.fetch_add(1); }); });
  EXPECT_EQ(total.load(), 800);
}

TEST(Map, ReturnsResultsInInputOrder) {
  concur::thread_pool pool(2);
  std::vector<int> numbers(1000);
  std::iota(numbers.begin(), numbers.end(), 0);
  auto squares = pool.map(square, numbers);
  ASSERT_EQ(squares.size(), numbers.size());
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(squares[i], i * i);
}

TEST(Map, AcceptsANonRandomAccessRange) {
  concur::thread_pool pool(2);
  std::list<std::string> words{"a", "bb", "ccc"};
  auto lengths = pool.map([](const std::string& s) { return s.size(); }, words);
  EXPECT_EQ(lengths, (std::vector<std::size_t>{1, 2, 3}));
}

TEST(Map, RethrowsTheExceptionOfAFailingItem) {
  concur::thread_pool pool(2);
  std::vector<int> numbers{1, 2, 3};
  EXPECT_THROW(pool.map([](int x) -> int { if (x == 2) throw std::runtime_error("two"); return x; }, numbers),
               std::runtime_error);
}

} // namespace

// Tasks that block (I/O, here a rendezvous) each get a worker while the pool has idle ones: a
// burst of submissions wakes every sleeping worker it needs, not just the first.
TEST(ThreadPool, BlockingTasksEachGetAnIdleWorker) {
  constexpr int kTasks = 8;
  for (int round = 0; round < 20; ++round) {
    concur::thread_pool pool(kTasks); // its workers start with the burst, spinning
    std::mutex m;
    std::condition_variable all_here;
    int arrived = 0;
    std::vector<concur::future<bool>> tasks;
    for (int i = 0; i < kTasks; ++i)
      tasks.push_back(pool.submit([&] {
        std::unique_lock lock(m);
        if (++arrived == kTasks) all_here.notify_all();
        return all_here.wait_for(lock, 5s, [&] { return arrived == kTasks; });
      }));
    for (auto& t : tasks) EXPECT_TRUE(t.result()) << "round " << round;
  }
}
