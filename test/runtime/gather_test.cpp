// gather, when_any, wait_for and as_completed over coroutines.
#include <concur/gather.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

using namespace std::chrono_literals;

namespace {

concur::task<int> after(std::chrono::milliseconds delay, int value) {
  co_await concur::sleep_for(delay);
  co_return value;
}

concur::task<int> fail_after(std::chrono::milliseconds delay) {
  co_await concur::sleep_for(delay);
  throw std::runtime_error("child failed");
}

/// Sleeps for an hour unless cancelled; records the cancellation.
concur::task<int> until_cancelled(bool& cancelled) {
  try {
    co_await concur::sleep_for(1h);
  } catch (const concur::cancelled_error&) {
    cancelled = true;
    throw;
  }
  co_return 0;
}

TEST(Gather, VariadicYieldsATupleInArgumentOrder) {
  auto main_task = []() -> concur::task<std::tuple<int, std::string>> {
    co_return co_await concur::gather(after(20ms, 1), []() -> concur::task<std::string> { co_return "two"; }());
  };
  auto [a, b] = concur::run(main_task());
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, "two");
}

TEST(Gather, VectorYieldsResultsInInputOrder) {
  auto main_task = []() -> concur::task<std::vector<int>> {
    std::vector<concur::task<int>> tasks;
    tasks.push_back(after(30ms, 1));
    tasks.push_back(after(10ms, 2));
    tasks.push_back(after(20ms, 3));
    co_return co_await concur::gather(std::move(tasks));
  };
  EXPECT_EQ(concur::run(main_task()), (std::vector<int>{1, 2, 3}));
}

TEST(Gather, ChildrenRunConcurrently) {
  auto main_task = []() -> concur::task<std::chrono::steady_clock::duration> {
    auto start = std::chrono::steady_clock::now();
    std::vector<concur::task<int>> tasks;
    for (int i = 0; i < 20; ++i) tasks.push_back(after(50ms, i));
    co_await concur::gather(std::move(tasks));
    co_return std::chrono::steady_clock::now() - start;
  };
  EXPECT_LT(concur::run(main_task()), 900ms);
}

TEST(Gather, VoidChildrenGiveMonostate) {
  auto nothing = []() -> concur::task<void> { co_return; };
  auto main_task = [&]() -> concur::task<bool> {
    auto [a, b] = co_await concur::gather(nothing(), after(1ms, 5));
    co_return b == 5 && a == std::monostate{};
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(Gather, FailureCancelsTheOtherChildrenAndIsRethrown) {
  bool sibling_cancelled = false;
  auto main_task = [&]() -> concur::task<void> { co_await concur::gather(until_cancelled(sibling_cancelled), fail_after(1ms)); };
  EXPECT_THROW(concur::run(main_task()), std::runtime_error);
  EXPECT_TRUE(sibling_cancelled);
}

TEST(Gather, CancellingTheParentCancelsEveryChild) {
  bool first = false, second = false;
  auto main_task = [&]() -> concur::task<bool> {
    auto parent = concur::spawn(concur::gather(until_cancelled(first), until_cancelled(second)));
    co_await concur::sleep_for(1ms);
    parent.cancel();
    try {
      co_await parent;
    } catch (const concur::cancelled_error&) {
      co_return true;
    }
    co_return false;
  };
  EXPECT_TRUE(concur::run(main_task()));
  EXPECT_TRUE(first);
  EXPECT_TRUE(second);
}

TEST(WhenAny, YieldsTheFirstChildToFinish) {
  auto main_task = []() -> concur::task<concur::when_any_result<int>> {
    co_return co_await concur::when_any(after(50ms, 1), after(1ms, 2), after(30ms, 3));
  };
  auto first = concur::run(main_task());
  EXPECT_EQ(first.index, 1u);
  EXPECT_EQ(first.value, 2);
}

TEST(WhenAny, CancelsTheOtherChildren) {
  bool other_cancelled = false;
  auto main_task = [&]() -> concur::task<std::size_t> {
    auto r = co_await concur::when_any(until_cancelled(other_cancelled), after(1ms, 2));
    co_return r.index;
  };
  EXPECT_EQ(concur::run(main_task()), 1u);
  EXPECT_TRUE(other_cancelled);
}

TEST(WhenAny, RethrowsTheExceptionOfTheFirstChildToFinish) {
  auto main_task = []() -> concur::task<void> { co_await concur::when_any(after(1h, 1), fail_after(1ms)); };
  EXPECT_THROW(concur::run(main_task()), std::runtime_error);
}

TEST(WaitFor, ReturnsTheValueWhenTheTaskFinishesInTime) {
  auto main_task = []() -> concur::task<int> { co_return co_await concur::wait_for(after(1ms, 9), 10s); };
  EXPECT_EQ(concur::run(main_task()), 9);
}

TEST(WaitFor, TimeoutCancelsTheTaskAndThrowsTimeoutError) {
  bool cancelled = false;
  auto main_task = [&]() -> concur::task<int> { co_return co_await concur::wait_for(until_cancelled(cancelled), 5ms); };
  EXPECT_THROW(concur::run(main_task()), concur::timeout_error);
  EXPECT_TRUE(cancelled);
}

TEST(WaitFor, OnAFutureCancelsItAtTheTimeout) {
  concur::promise<int> never;
  auto f = never.get_future();
  auto main_task = [&]() -> concur::task<int> { co_return co_await concur::wait_for(f, 5ms); };
  EXPECT_THROW(concur::run(main_task()), concur::timeout_error);
  EXPECT_TRUE(f.cancelled());
}

TEST(AsCompleted, YieldsResultsInCompletionOrder) {
  auto main_task = []() -> concur::task<std::vector<int>> {
    std::vector<concur::task<int>> tasks;
    tasks.push_back(after(30ms, 30));
    tasks.push_back(after(5ms, 5));
    tasks.push_back(after(15ms, 15));
    std::vector<int> order;
    for (auto next : concur::as_completed(std::move(tasks))) order.push_back(co_await std::move(next));
    co_return order;
  };
  EXPECT_EQ(concur::run(main_task()), (std::vector<int>{5, 15, 30}));
}

TEST(AsCompleted, AwaitingAFailedChildRethrowsItsException) {
  auto main_task = []() -> concur::task<int> {
    std::vector<concur::task<int>> tasks;
    tasks.push_back(fail_after(1ms));
    tasks.push_back(after(20ms, 2));
    int failures = 0;
    for (auto next : concur::as_completed(std::move(tasks))) {
      try {
        co_await std::move(next);
      } catch (const std::runtime_error&) {
        ++failures;
      }
    }
    co_return failures;
  };
  EXPECT_EQ(concur::run(main_task()), 1);
}

} // namespace
