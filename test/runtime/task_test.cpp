// concur::task<T>: laziness, values, exceptions, and constant stack on long await chains.
#include <concur/event_loop.hpp>
#include <concur/task.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace {

concur::task<int> constant(int v) { co_return v; }

concur::task<int> add_one(int v) { co_return co_await constant(v) + 1; }

TEST(Task, AwaitYieldsTheReturnedValue) { EXPECT_EQ(concur::run(add_one(41)), 42); }

TEST(Task, VoidTaskCompletes) {
  bool ran = false;
  auto body = [&]() -> concur::task<void> {
    ran = true;
    co_return;
  };
  concur::run(body());
  EXPECT_TRUE(ran);
}

TEST(Task, BodyDoesNotStartUntilAwaited) {
  bool started = false;
  auto body = [&]() -> concur::task<void> {
    started = true;
    co_return;
  };
  {
    auto t = body();
    EXPECT_FALSE(started);
  }
  EXPECT_FALSE(started);
}

TEST(Task, DestroyingAnUnstartedTaskDestroysItsArguments) {
  auto owned = std::make_shared<int>(1);
  std::weak_ptr<int> watch = owned;
  {
    auto t = [](std::shared_ptr<int> p) -> concur::task<int> { co_return *p; }(std::move(owned));
    EXPECT_FALSE(watch.expired());
  }
  EXPECT_TRUE(watch.expired());
}

concur::task<int> fails() {
  throw std::invalid_argument("from a task");
  co_return 0;
}

TEST(Task, ExceptionPropagatesToTheAwaiter) {
  auto catcher = []() -> concur::task<std::string> {
    try {
      co_await fails();
    } catch (const std::invalid_argument& e) {
      co_return e.what();
    }
    co_return "";
  };
  EXPECT_EQ(concur::run(catcher()), "from a task");
}

TEST(Task, MoveOnlyValuesAreReturned) {
  auto make = []() -> concur::task<std::unique_ptr<int>> { co_return std::make_unique<int>(5); };
  auto outer = [&]() -> concur::task<int> { co_return *co_await make(); };
  EXPECT_EQ(concur::run(outer()), 5);
}

concur::task<long> nested(long depth) {
  if (depth == 0) co_return 0;
  co_return 1 + co_await nested(depth - 1);
}

TEST(Task, MillionNestedAwaitsUseConstantStack) { EXPECT_EQ(concur::run(nested(1'000'000)), 1'000'000); }

concur::task<int> ready_value() { co_return 1; }

TEST(Task, MillionSequentialAwaitsOfCompletedTasksUseConstantStack) {
  auto loop = []() -> concur::task<long> {
    long sum = 0;
    for (int i = 0; i < 1'000'000; ++i) sum += co_await ready_value();
    co_return sum;
  };
  EXPECT_EQ(concur::run(loop()), 1'000'000);
}

} // namespace
