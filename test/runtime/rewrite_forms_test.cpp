// The exact forms concur's fix-its generate (docs/runtime.md, "Rewrite target forms") compile
// and behave: if one of these breaks, generated code breaks.
#include <concur/concur.hpp>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace {

int compute(int x) { return x + 1; }
void touch(std::atomic<int>& hits) { ++hits; }

TEST(RewriteForms, DefaultPoolSubmitAndResult) {
  concur::thread_pool pool;
  auto f = pool.submit(compute, 1);
  EXPECT_EQ(f.result(), 2);
}

TEST(RewriteForms, SizedPoolVoidFutureResult) {
  std::atomic<int> hits{0};
  concur::thread_pool pool(3);
  auto f = pool.submit(touch, std::ref(hits));
  f.result();
  EXPECT_EQ(hits.load(), 1);
}

TEST(RewriteForms, VectorOfFuturesJoinedInALoop) {
  concur::thread_pool pool;
  std::vector<concur::future<int>> fs;
  for (int i = 0; i < 10; ++i) fs.push_back(pool.submit(compute, i));
  int sum = 0;
  for (auto& f : fs) sum += f.result();
  EXPECT_EQ(sum, 55);
}

TEST(RewriteForms, ParallelForWithAGenericLambda) {
  concur::thread_pool pool;
  std::vector<int> out(100);
  pool.parallel_for(0, 100, [&](auto i) { out[i] = static_cast<int>(i) * 2; });
  pool.parallel_for(std::size_t{0}, out.size(), [&](auto i) { out[i] += 1; }, 8);
  EXPECT_EQ(out[99], 199);
}

TEST(RewriteForms, MapOverARange) {
  concur::thread_pool pool;
  std::vector<int> in{1, 2, 3};
  std::vector<int> out = pool.map(compute, in);
  EXPECT_EQ(out, (std::vector<int>{2, 3, 4}));
}

int square(int x) { return x * x; }

} // namespace

CONCUR_REGISTER(square);

namespace {

TEST(RewriteForms, ProcessPoolMapOfARegisteredFunction) {
  concur::process_pool pool(2);
  auto results = pool.map(square, std::vector<int>{1, 2, 3});
  EXPECT_EQ(results, (std::vector<int>{1, 4, 9}));
}

// ---- coroutines: an echo server written the way the rewrite writes it ----

concur::task<void> echo_handler(int fd) {
  char buf[512];
  ssize_t n;
  while ((n = co_await concur::sys::recv(fd, buf, sizeof buf, 0)) > 0)
    co_await concur::sys::send(fd, buf, static_cast<std::size_t>(n), MSG_NOSIGNAL);
  concur::sys::close(fd);
}

int blocking_listener() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 16) != 0) return -1;
  return fd;
}

/// A blocking client on its own thread, as the programs the rewrite changes have.
std::vector<std::string> blocking_clients(std::uint16_t port, int count) {
  std::vector<std::string> replies;
  for (int i = 0; i < count; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string reply;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
      std::string text = "hello " + std::to_string(i);
      ::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
      ::shutdown(fd, SHUT_WR);
      char buf[512];
      ssize_t n;
      while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) reply.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    replies.push_back(reply);
  }
  return replies;
}

TEST(RewriteForms, DetachedConnectionsInATaskGroupUnderRun) {
  int listener = blocking_listener();
  ASSERT_GE(listener, 0);
  std::vector<std::string> replies;
  std::thread client([&] { replies = blocking_clients(concur::local_port(listener), 3); });
  concur::run([&]() -> concur::task<void> {
    concur::task_group connections;
    for (int served = 0; served < 3; ++served) {
      int fd = co_await concur::sys::accept(listener, nullptr, nullptr);
      if (fd < 0) break;
      connections.spawn(echo_handler(fd));
    }
    co_await connections.join();
  }());
  client.join();
  ::close(listener);
  EXPECT_EQ(replies, (std::vector<std::string>{"hello 0", "hello 1", "hello 2"}));
}

TEST(RewriteForms, KeptConnectionsAsSpawnedFuturesAwaitedInPlaceOfJoins) {
  int listener = blocking_listener();
  ASSERT_GE(listener, 0);
  std::vector<std::string> replies;
  std::thread client([&] { replies = blocking_clients(concur::local_port(listener), 2); });
  std::vector<concur::future<void>> handlers;
  concur::run([&]() -> concur::task<void> {
    for (int i = 0; i < 2; ++i) {
      int fd = co_await concur::sys::accept(listener, nullptr, nullptr);
      handlers.push_back(concur::spawn(echo_handler(fd)));
    }
    for (auto& h : handlers)
      if (h.valid())
        co_await h;
  }());
  client.join();
  ::close(listener);
  EXPECT_EQ(replies, (std::vector<std::string>{"hello 0", "hello 1"}));
}

} // namespace
