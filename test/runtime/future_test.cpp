// concur::future / promise and the free functions as_completed() and wait().
#include <concur/future.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

using namespace std::chrono_literals;

namespace {

TEST(Future, ResultReturnsTheValueSetByThePromise) {
  concur::promise<int> p;
  auto f = p.get_future();
  EXPECT_FALSE(f.done());
  p.set_value(42);
  EXPECT_TRUE(f.done());
  EXPECT_EQ(f.result(), 42);
}

TEST(Future, ResultBlocksUntilAnotherThreadSetsTheValue) {
  concur::promise<std::string> p;
  auto f = p.get_future();
  std::jthread producer([&] {
    std::this_thread::sleep_for(10ms);
    p.set_value("late");
  });
  EXPECT_EQ(f.result(), "late");
}

TEST(Future, ResultRethrowsTheStoredExceptionEveryTime) {
  concur::promise<int> p;
  p.set_exception(std::make_exception_ptr(std::invalid_argument("bad input")));
  auto f = p.get_future();
  EXPECT_THROW(f.result(), std::invalid_argument);
  EXPECT_THROW(f.result(), std::invalid_argument);
}

TEST(Future, VoidResultReturnsOnceDone) {
  concur::promise<void> p;
  auto f = p.get_future();
  p.set_value();
  f.result();
  static_assert(std::is_void_v<decltype(f.result())>);
}

TEST(Future, ResultWithTimeoutThrowsTimeoutError) {
  concur::promise<int> p;
  EXPECT_THROW(p.get_future().result(5ms), concur::timeout_error);
}

TEST(Future, ResultOnAnRvalueMovesTheValueOut) {
  concur::promise<std::unique_ptr<int>> p;
  p.set_value(std::make_unique<int>(7));
  std::unique_ptr<int> v = p.get_future().result();
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, 7);
}

TEST(Future, CancelSucceedsWhilePending) {
  concur::promise<int> p;
  auto f = p.get_future();
  EXPECT_TRUE(f.cancel());
  EXPECT_TRUE(f.cancelled());
  EXPECT_TRUE(f.done());
  EXPECT_FALSE(p.set_value(1));
}

TEST(Future, CancelledFutureResultThrowsCancelledError) {
  concur::promise<int> p;
  auto f = p.get_future();
  f.cancel();
  EXPECT_THROW(f.result(), concur::cancelled_error);
}

TEST(Future, CancelFailsOnceRunning) {
  concur::promise<int> p;
  auto f = p.get_future();
  ASSERT_TRUE(p.set_running());
  EXPECT_TRUE(f.running());
  EXPECT_FALSE(f.cancel());
  p.set_value(3);
  EXPECT_EQ(f.result(), 3);
}

TEST(Future, CancelFailsOnceFinished) {
  auto f = concur::make_ready_future(1);
  EXPECT_FALSE(f.cancel());
}

TEST(Future, ExceptionReturnsTheStoredError) {
  auto f = concur::make_exceptional_future<int>(std::make_exception_ptr(std::runtime_error("x")));
  EXPECT_NE(f.exception(), nullptr);
  EXPECT_EQ(concur::make_ready_future(1).exception(), nullptr);
}

TEST(Future, DestroyedPromiseBreaksTheFuture) {
  concur::future<int> f;
  {
    concur::promise<int> p;
    f = p.get_future();
  }
  EXPECT_THROW(f.result(), std::future_error);
}

TEST(Future, DoneCallbackRunsWhenTheFutureCompletes) {
  concur::promise<int> p;
  int seen = 0;
  p.get_future().add_done_callback([&](const concur::future<int>& f) { seen = f.result(); });
  EXPECT_EQ(seen, 0);
  p.set_value(5);
  EXPECT_EQ(seen, 5);
}

TEST(Future, DoneCallbackOnACompletedFutureRunsAtOnce) {
  int calls = 0;
  concur::make_ready_future(1).add_done_callback([&](const auto&) { ++calls; });
  EXPECT_EQ(calls, 1);
}

TEST(Future, DoneCallbackAddedWhileTheFutureCompletesRunsExactlyOnce) {
  for (int round = 0; round < 2'000; ++round) {
    concur::promise<int> p;
    auto f = p.get_future();
    std::atomic<int> runs{0};
    std::thread completer([&] { p.set_value(1); });
    f.add_done_callback([&](const concur::future<int>&) { ++runs; });
    completer.join();
    ASSERT_EQ(runs.load(), 1);
  }
}

TEST(Future, ExceptionFromADoneCallbackDoesNotStopTheOthers) {
  concur::promise<int> p;
  int calls = 0;
  auto f = p.get_future();
  f.add_done_callback([](const auto&) { throw std::runtime_error("callback failed"); });
  f.add_done_callback([&](const auto&) { ++calls; });
  p.set_value(1);
  EXPECT_EQ(calls, 1);
}

TEST(Future, ThenAppliesTheContinuationToTheValue) {
  concur::promise<int> p;
  auto g = p.get_future().then([](int v) { return std::to_string(v * 2); });
  p.set_value(21);
  EXPECT_EQ(g.result(), "42");
}

TEST(Future, ThenSkipsTheContinuationWhenTheSourceFailed) {
  bool called = false;
  auto f = concur::make_exceptional_future<int>(std::make_exception_ptr(std::out_of_range("r")));
  auto g = f.then([&](int) {
    called = true;
    return 0;
  });
  EXPECT_THROW(g.result(), std::out_of_range);
  EXPECT_FALSE(called);
}

TEST(Future, ThenOnAVoidFutureCallsWithoutArguments) {
  auto g = concur::make_ready_future().then([] { return 9; });
  EXPECT_EQ(g.result(), 9);
}

TEST(Future, ThenCarriesAnExceptionThrownByTheContinuation) {
  auto g = concur::make_ready_future(1).then([](int) -> int { throw std::logic_error("in then"); });
  EXPECT_THROW(g.result(), std::logic_error);
}

TEST(Future, CopiesShareOneResultAndCompareEqual) {
  concur::promise<int> p;
  auto a = p.get_future();
  auto b = a;
  EXPECT_EQ(a, b);
  EXPECT_NE(a, concur::promise<int>().get_future());
  p.set_value(4);
  EXPECT_EQ(b.result(), 4);
  std::unordered_set<concur::future<int>> set{a, b};
  EXPECT_EQ(set.size(), 1u);
}

TEST(Future, ToStdFutureCarriesTheValue) {
  concur::promise<int> p;
  auto s = concur::to_std_future(p.get_future());
  p.set_value(11);
  EXPECT_EQ(s.get(), 11);
}

TEST(Future, ToStdFutureCarriesTheException) {
  auto s = concur::to_std_future(concur::make_exceptional_future<void>(std::make_exception_ptr(std::runtime_error("e"))));
  EXPECT_THROW(s.get(), std::runtime_error);
}

TEST(AsCompleted, YieldsFuturesInTheOrderTheyFinish) {
  std::vector<concur::promise<int>> ps(3);
  std::vector<concur::future<int>> fs;
  for (auto& p : ps) fs.push_back(p.get_future());
  // Watching starts before any finishes: futures already done when as_completed is called come
  // first, in no particular order (as in Python).
  auto in_completion_order = concur::as_completed(fs);
  std::jthread producer([&] {
    for (int i : {2, 0, 1}) {
      std::this_thread::sleep_for(2ms);
      ps[i].set_value(i);
    }
  });
  std::vector<int> order;
  for (auto f : in_completion_order) order.push_back(f.result());
  EXPECT_EQ(order, (std::vector<int>{2, 0, 1}));
}

TEST(AsCompleted, IteratesTheKeysOfAMapOfFutures) {
  concur::promise<int> a, b;
  std::map<concur::future<int>, std::string> future_to_name{{a.get_future(), "a"}, {b.get_future(), "b"}};
  auto in_completion_order = concur::as_completed(future_to_name);
  b.set_value(2);
  a.set_value(1);
  std::vector<std::string> names;
  for (auto f : in_completion_order) names.push_back(future_to_name[f]);
  EXPECT_EQ(names, (std::vector<std::string>{"b", "a"}));
}

TEST(AsCompleted, ThrowsTimeoutErrorWhenFuturesStayPending) {
  concur::promise<int> done, never;
  done.set_value(1);
  std::vector<concur::future<int>> fs{done.get_future(), never.get_future()};
  int seen = 0;
  EXPECT_THROW(
      {
        for (auto f : concur::as_completed(fs, 20ms)) seen += f.result();
      },
      concur::timeout_error);
  EXPECT_EQ(seen, 1);
}

TEST(Wait, AllCompletedReturnsEveryFutureDone) {
  std::vector<concur::future<int>> fs{concur::make_ready_future(1), concur::make_ready_future(2)};
  auto r = concur::wait(fs);
  EXPECT_EQ(r.done.size(), 2u);
  EXPECT_TRUE(r.not_done.empty());
}

TEST(Wait, FirstCompletedReturnsWhenOneFinishes) {
  concur::promise<int> never;
  std::vector<concur::future<int>> fs{never.get_future(), concur::make_ready_future(2)};
  auto r = concur::wait(fs, concur::first_completed);
  ASSERT_EQ(r.done.size(), 1u);
  EXPECT_EQ(r.done[0].result(), 2);
  EXPECT_EQ(r.not_done.size(), 1u);
}

TEST(Wait, FirstExceptionReturnsOnTheFirstFailure) {
  concur::promise<int> never;
  std::vector<concur::future<int>> fs{concur::make_ready_future(1), never.get_future(),
                                      concur::make_exceptional_future<int>(std::make_exception_ptr(std::runtime_error("x")))};
  auto r = concur::wait(fs, concur::first_exception);
  EXPECT_EQ(r.done.size(), 2u);
  EXPECT_EQ(r.not_done.size(), 1u);
}

TEST(Wait, FirstExceptionWaitsForAllWhenNoneFails) {
  concur::promise<int> late;
  std::vector<concur::future<int>> fs{concur::make_ready_future(1), late.get_future()};
  std::jthread producer([&] {
    std::this_thread::sleep_for(5ms);
    late.set_value(2);
  });
  auto r = concur::wait(fs, concur::first_exception);
  EXPECT_EQ(r.done.size(), 2u);
}

TEST(Wait, TimeoutReturnsTheUnfinishedFuturesAsNotDone) {
  concur::promise<int> never;
  std::vector<concur::future<int>> fs{never.get_future(), concur::make_ready_future(2)};
  auto r = concur::wait(fs, 10ms);
  EXPECT_EQ(r.done.size(), 1u);
  EXPECT_EQ(r.not_done.size(), 1u);
}

} // namespace
