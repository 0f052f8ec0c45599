// concur::task_group: structured concurrency for coroutines.
#include <concur/task_group.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <vector>

using namespace std::chrono_literals;

namespace {

concur::task<int> after(std::chrono::milliseconds delay, int value) {
  co_await concur::sleep_for(delay);
  co_return value;
}

TEST(TaskGroup, JoinWaitsForEveryChild) {
  auto main_task = []() -> concur::task<int> {
    concur::task_group group;
    auto a = group.spawn(after(20ms, 1));
    auto b = group.spawn(after(5ms, 2));
    co_await group.join();
    co_return a.result() + b.result();
  };
  EXPECT_EQ(concur::run(main_task()), 3);
}

TEST(TaskGroup, ChildSpawnedWhileJoiningIsAwaitedToo) {
  auto main_task = []() -> concur::task<bool> {
    concur::task_group group;
    concur::future<int> late;
    group.spawn([](concur::task_group& g, concur::future<int>& out) -> concur::task<void> {
      co_await concur::sleep_for(1ms);
      out = g.spawn(after(10ms, 4));
    }(group, late));
    co_await group.join();
    co_return late.valid() && late.done();
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(TaskGroup, FailureCancelsSiblingsAndJoinRethrowsIt) {
  bool sibling_cancelled = false;
  auto main_task = [&]() -> concur::task<void> {
    concur::task_group group;
    group.spawn([](bool& flag) -> concur::task<void> {
      try {
        co_await concur::sleep_for(1h);
      } catch (const concur::cancelled_error&) {
        flag = true;
        throw;
      }
    }(sibling_cancelled));
    group.spawn([]() -> concur::task<void> {
      co_await concur::sleep_for(1ms);
      throw std::logic_error("child failed");
    }());
    co_await group.join();
  };
  EXPECT_THROW(concur::run(main_task()), std::logic_error);
  EXPECT_TRUE(sibling_cancelled);
}

TEST(TaskGroup, CancelCancelsEveryChild) {
  auto main_task = []() -> concur::task<bool> {
    concur::task_group group;
    auto a = group.spawn(after(1h, 1));
    auto b = group.spawn(after(1h, 2));
    co_await concur::sleep_for(1ms);
    group.cancel();
    co_await group.join();
    co_return a.cancelled() && b.cancelled();
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(TaskGroup, CancellingTheJoiningTaskWaitsForTheChildren) {
  std::vector<int> cleaned;
  auto child = [&](int id) -> concur::task<void> {
    try {
      co_await concur::sleep_for(1h);
    } catch (const concur::cancelled_error&) {
    }
    co_await concur::sleep_for(2ms);
    cleaned.push_back(id);
  };
  auto parent = [&]() -> concur::task<void> {
    concur::task_group group;
    group.spawn(child(1));
    group.spawn(child(2));
    co_await group.join();
  };
  auto main_task = [&]() -> concur::task<std::size_t> {
    auto p = concur::spawn(parent());
    co_await concur::sleep_for(1ms);
    p.cancel();
    try {
      co_await p;
    } catch (const concur::cancelled_error&) {
    }
    co_return cleaned.size();
  };
  EXPECT_EQ(concur::run(main_task()), 2u);
}

TEST(TaskGroup, ConstructionOutsideARunningLoopThrows) { EXPECT_THROW(concur::task_group(), std::logic_error); }

} // namespace
