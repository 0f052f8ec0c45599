// concur::semaphore and concur::queue for coroutines.
#include <concur/queue.hpp>
#include <concur/semaphore.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

using namespace std::chrono_literals;

namespace {

TEST(Semaphore, LimitsHowManyHoldersRunAtOnce) {
  concur::semaphore slots(2);
  int inside = 0, most = 0;
  auto worker = [&]() -> concur::task<void> {
    auto permit = co_await slots.hold();
    most = std::max(most, ++inside);
    co_await concur::sleep_for(2ms);
    --inside;
  };
  auto main_task = [&]() -> concur::task<void> {
    std::vector<concur::future<void>> fs;
    for (int i = 0; i < 8; ++i) fs.push_back(concur::spawn(worker()));
    for (auto& f : fs) co_await f;
  };
  concur::run(main_task());
  EXPECT_EQ(most, 2);
  EXPECT_EQ(slots.available(), 2u);
}

TEST(Semaphore, WaitersAreServedInArrivalOrder) {
  concur::semaphore lock(1);
  std::vector<int> order;
  auto worker = [&](int id) -> concur::task<void> {
    co_await lock.acquire();
    order.push_back(id);
    co_await concur::sleep_for(1ms);
    lock.release();
  };
  auto main_task = [&]() -> concur::task<void> {
    std::vector<concur::future<void>> fs;
    for (int i = 0; i < 5; ++i) fs.push_back(concur::spawn(worker(i)));
    for (auto& f : fs) co_await f;
  };
  concur::run(main_task());
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(Semaphore, TryAcquireFailsWhenNoPermitIsFree) {
  concur::semaphore s(1);
  EXPECT_TRUE(s.try_acquire());
  EXPECT_FALSE(s.try_acquire());
  s.release();
  EXPECT_TRUE(s.try_acquire());
}

TEST(Semaphore, CancelledWaiterLeavesThePermitToTheNext) {
  concur::semaphore s(1);
  auto main_task = [&]() -> concur::task<bool> {
    co_await s.acquire();
    auto cancelled = concur::spawn([](concur::semaphore& sem) -> concur::task<void> { co_await sem.acquire(); }(s));
    auto next = concur::spawn([](concur::semaphore& sem) -> concur::task<int> {
      co_await sem.acquire();
      co_return 1;
    }(s));
    co_await concur::sleep_for(1ms);
    cancelled.cancel();
    s.release();
    co_return (co_await next) == 1 && cancelled.cancelled();
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(Queue, GetReturnsItemsInPutOrder) {
  concur::queue<int> q;
  auto main_task = [&]() -> concur::task<std::vector<int>> {
    for (int i = 0; i < 5; ++i) co_await q.put(i);
    std::vector<int> out;
    for (int i = 0; i < 5; ++i) out.push_back(co_await q.get());
    co_return out;
  };
  EXPECT_EQ(concur::run(main_task()), (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(Queue, GetSuspendsUntilAnItemArrives) {
  concur::queue<std::string> q;
  auto main_task = [&]() -> concur::task<std::string> {
    auto consumer = concur::spawn([](concur::queue<std::string>& from) -> concur::task<std::string> { co_return co_await from.get(); }(q));
    co_await concur::sleep_for(2ms);
    EXPECT_FALSE(consumer.done());
    co_await q.put("late");
    co_return co_await consumer;
  };
  EXPECT_EQ(concur::run(main_task()), "late");
}

TEST(Queue, PutSuspendsWhileTheQueueIsFull) {
  concur::queue<int> q(1);
  auto main_task = [&]() -> concur::task<bool> {
    co_await q.put(1);
    auto producer = concur::spawn([](concur::queue<int>& to) -> concur::task<void> { co_await to.put(2); }(q));
    co_await concur::sleep_for(2ms);
    bool blocked = !producer.done() && q.full();
    int first = co_await q.get();
    co_await producer;
    int second = co_await q.get();
    co_return blocked && first == 1 && second == 2;
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(Queue, TryPutAndTryGetNeverSuspend) {
  concur::queue<int> q(1);
  EXPECT_TRUE(q.try_put(1));
  EXPECT_FALSE(q.try_put(2));
  EXPECT_EQ(q.try_get(), 1);
  EXPECT_EQ(q.try_get(), std::nullopt);
}

TEST(Queue, CancelledGetterLosesNoItem) {
  concur::queue<int> q;
  auto main_task = [&]() -> concur::task<int> {
    auto getter = concur::spawn([](concur::queue<int>& from) -> concur::task<int> { co_return co_await from.get(); }(q));
    co_await concur::sleep_for(1ms);
    getter.cancel();
    co_await q.put(42);
    try {
      co_await getter;
    } catch (const concur::cancelled_error&) {
    }
    co_return co_await q.get();
  };
  EXPECT_EQ(concur::run(main_task()), 42);
}

} // namespace
