// concur::event_loop, run, spawn, sleep_for, to_thread, co_await on futures, cancellation.
#include <concur/event_loop.hpp>
#include <concur/file_io.hpp>
#include <concur/thread_pool.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

TEST(Run, ReturnsTheMainTasksValue) {
  auto main_task = []() -> concur::task<int> { co_return 3; };
  EXPECT_EQ(concur::run(main_task()), 3);
}

TEST(Run, RethrowsTheMainTasksException) {
  auto main_task = []() -> concur::task<int> {
    throw std::runtime_error("main failed");
    co_return 0;
  };
  EXPECT_THROW(concur::run(main_task()), std::runtime_error);
}

TEST(Run, InsideARunningLoopThrowsLogicError) {
  auto inner = []() -> concur::task<int> { co_return 1; };
  auto outer = [&]() -> concur::task<bool> {
    try {
      concur::run(inner());
    } catch (const std::logic_error&) {
      co_return true;
    }
    co_return false;
  };
  EXPECT_TRUE(concur::run(outer()));
}

TEST(Run, CancelsTasksStillRunningWhenMainReturns) {
  bool cancelled = false;
  auto sleeper = [&]() -> concur::task<void> {
    try {
      co_await concur::sleep_for(1h);
    } catch (const concur::cancelled_error&) {
      cancelled = true;
      throw;
    }
  };
  auto main_task = [&]() -> concur::task<int> {
    concur::spawn(sleeper());
    co_await concur::sleep_for(0ms);
    co_return 0;
  };
  EXPECT_EQ(concur::run(main_task()), 0);
  EXPECT_TRUE(cancelled);
}

TEST(SleepFor, ResumesAfterTheDuration) {
  auto main_task = []() -> concur::task<std::chrono::steady_clock::duration> {
    auto start = std::chrono::steady_clock::now();
    co_await concur::sleep_for(20ms);
    co_return std::chrono::steady_clock::now() - start;
  };
  EXPECT_GE(concur::run(main_task()), 20ms);
}

TEST(SleepFor, ShorterSleepsFinishFirst) {
  std::vector<int> order;
  auto sleeper = [&](int ms) -> concur::task<void> {
    co_await concur::sleep_for(std::chrono::milliseconds(ms));
    order.push_back(ms);
  };
  auto main_task = [&]() -> concur::task<void> {
    auto a = concur::spawn(sleeper(30));
    auto b = concur::spawn(sleeper(10));
    auto c = concur::spawn(sleeper(20));
    co_await a;
    co_await b;
    co_await c;
  };
  concur::run(main_task());
  EXPECT_EQ(order, (std::vector<int>{10, 20, 30}));
}

TEST(Spawn, TasksRunConcurrentlyOnOneThread) {
  auto main_task = []() -> concur::task<std::chrono::steady_clock::duration> {
    auto start = std::chrono::steady_clock::now();
    std::vector<concur::future<void>> sleepers;
    for (int i = 0; i < 50; ++i) sleepers.push_back(concur::spawn([]() -> concur::task<void> { co_await concur::sleep_for(50ms); }()));
    for (auto& s : sleepers) co_await s;
    co_return std::chrono::steady_clock::now() - start;
  };
  // Fifty 50 ms sleeps one after another would take 2.5 s.
  EXPECT_LT(concur::run(main_task()), 2s);
}

TEST(Spawn, FutureCarriesTheTasksException) {
  auto main_task = []() -> concur::task<bool> {
    auto f = concur::spawn([]() -> concur::task<int> {
      throw std::domain_error("child");
      co_return 0;
    }());
    try {
      co_await f;
    } catch (const std::domain_error&) {
      co_return true;
    }
    co_return false;
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(Spawn, OutsideARunningLoopThrowsLogicError) {
  EXPECT_THROW(concur::spawn([]() -> concur::task<void> { co_return; }()), std::logic_error);
}

TEST(Cancel, SuspendedTaskReceivesCancelledError) {
  auto main_task = []() -> concur::task<bool> {
    auto f = concur::spawn([]() -> concur::task<void> { co_await concur::sleep_for(1h); }());
    co_await concur::sleep_for(1ms);
    EXPECT_TRUE(f.cancel());
    try {
      co_await f;
    } catch (const concur::cancelled_error&) {
      co_return f.cancelled();
    }
    co_return false;
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(Cancel, TaskMayAwaitCleanupAfterCatchingCancellation) {
  std::vector<std::string> steps;
  auto worker = [&]() -> concur::task<int> {
    try {
      co_await concur::sleep_for(1h);
    } catch (const concur::cancelled_error&) {
      steps.push_back("cancelled");
    }
    co_await concur::sleep_for(1ms);
    steps.push_back("cleaned up");
    co_return 7;
  };
  auto main_task = [&]() -> concur::task<int> {
    auto f = concur::spawn(worker());
    co_await concur::sleep_for(1ms);
    f.cancel();
    co_return co_await f;
  };
  EXPECT_EQ(concur::run(main_task()), 7);
  EXPECT_EQ(steps, (std::vector<std::string>{"cancelled", "cleaned up"}));
}

TEST(Cancel, FromAnotherThreadReachesTheTask) {
  auto main_task = []() -> concur::task<bool> {
    auto f = concur::spawn([]() -> concur::task<void> { co_await concur::sleep_for(1h); }());
    std::jthread canceller([f] {
      std::this_thread::sleep_for(5ms);
      f.cancel();
    });
    try {
      co_await f;
    } catch (const concur::cancelled_error&) {
      co_return true;
    }
    co_return false;
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(Cancel, CancellingAFinishedTaskFails) {
  auto main_task = []() -> concur::task<bool> {
    auto f = concur::spawn([]() -> concur::task<int> { co_return 1; }());
    co_await f;
    co_return f.cancel();
  };
  EXPECT_FALSE(concur::run(main_task()));
}

TEST(AwaitFuture, ThreadPoolResultResumesTheCoroutineOnTheLoopThread) {
  concur::thread_pool pool(2);
  auto main_task = [&]() -> concur::task<bool> {
    auto loop_thread = std::this_thread::get_id();
    int v = co_await pool.submit([] {
      std::this_thread::sleep_for(5ms);
      return 4;
    });
    co_return v == 4 && std::this_thread::get_id() == loop_thread;
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(AwaitFuture, ExceptionOfTheFutureIsRethrown) {
  concur::thread_pool pool(1);
  auto main_task = [&]() -> concur::task<void> { co_await pool.submit([]() -> int { throw std::out_of_range("pool"); }); };
  EXPECT_THROW(concur::run(main_task()), std::out_of_range);
}

TEST(AwaitFuture, CancellationStopsTheWait) {
  concur::promise<int> never;
  auto main_task = [&]() -> concur::task<bool> {
    auto waiter = concur::spawn([](concur::future<int> f) -> concur::task<int> { co_return co_await f; }(never.get_future()));
    co_await concur::sleep_for(1ms);
    waiter.cancel();
    try {
      co_await waiter;
    } catch (const concur::cancelled_error&) {
      co_return true;
    }
    co_return false;
  };
  EXPECT_TRUE(concur::run(main_task()));
  never.set_value(1);
}

TEST(ToThread, RunsBlockingWorkOffTheLoopThread) {
  auto main_task = []() -> concur::task<bool> {
    auto loop_thread = std::this_thread::get_id();
    auto worker_thread = co_await concur::to_thread([] { return std::this_thread::get_id(); });
    co_return worker_thread != loop_thread;
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(ToThread, LoopKeepsRunningWhileTheWorkBlocks) {
  // The blocking work waits for a coroutine of the loop to tick five times: it only returns
  // true if the loop kept running meanwhile.
  auto main_task = []() -> concur::task<bool> {
    auto ticked = std::make_shared<std::promise<void>>();
    auto ticker = concur::spawn([](std::shared_ptr<std::promise<void>> done) -> concur::task<void> {
      for (int i = 0; i < 5; ++i) co_await concur::sleep_for(1ms);
      done->set_value();
    }(ticked));
    bool loop_ran = co_await concur::to_thread(
        [](std::future<void> ticks) { return ticks.wait_for(60s) == std::future_status::ready; }, ticked->get_future());
    co_await ticker;
    co_return loop_ran;
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(EventLoop, PostRunsTheFunctionOnTheLoopThread) {
  concur::event_loop loop;
  std::thread::id ran_on;
  std::jthread poster([&] {
    loop.post([&] {
      ran_on = std::this_thread::get_id();
      loop.stop();
    });
  });
  loop.run_forever();
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(EventLoop, RunUntilCompleteLeavesOtherTasksAlive) {
  concur::event_loop loop;
  int ticks = 0;
  auto background = loop.spawn([](int& t) -> concur::task<void> {
    for (;;) {
      co_await concur::sleep_for(1ms);
      ++t;
    }
  }(ticks));
  loop.run_until_complete([]() -> concur::task<void> { co_await concur::sleep_for(10ms); }());
  EXPECT_FALSE(background.done());
  EXPECT_GT(ticks, 0);
}

TEST(EventLoop, DestructionCancelsTasksStillRunning) {
  concur::future<void> background;
  {
    concur::event_loop loop;
    background = loop.spawn([]() -> concur::task<void> { co_await concur::sleep_for(1h); }());
    loop.run_until_complete([]() -> concur::task<void> { co_await concur::sleep_for(1ms); }());
  }
  EXPECT_TRUE(background.cancelled());
}

TEST(FileIo, WrittenFileReadsBackTheSameBytes) {
  std::string path = ::testing::TempDir() + "concur_file_io_" + std::to_string(::getpid());
  auto main_task = [&]() -> concur::task<std::string> {
    co_await concur::async_write_file(path, "hello\nworld");
    co_return co_await concur::async_read_file(path);
  };
  EXPECT_EQ(concur::run(main_task()), "hello\nworld");
  std::remove(path.c_str());
}

TEST(FileIo, ReadingAMissingFileThrowsSystemError) {
  EXPECT_THROW(concur::run(concur::async_read_file("/nonexistent/concur/file")), std::system_error);
}

} // namespace
