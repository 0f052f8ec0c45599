// Sockets on the event loop: accept, connect, read, write, cancellation, descriptor reuse.
#include <concur/gather.hpp>
#include <concur/net.hpp>

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <string>
#include <system_error>

using namespace std::chrono_literals;

namespace {

struct socket_pair {
  socket_pair() {
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds.data()) != 0) throw std::system_error(errno, std::generic_category());
  }
  ~socket_pair() {
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  }
  std::array<int, 2> fds{-1, -1};
};

concur::task<std::string> read_some(int fd) {
  char buf[256];
  auto n = co_await concur::async_read(fd, buf, sizeof buf);
  co_return std::string(buf, n);
}

concur::task<void> echo_once(int listen_fd) {
  int fd = co_await concur::async_accept(listen_fd);
  char buf[512];
  auto n = co_await concur::async_read(fd, buf, sizeof buf);
  co_await concur::async_write(fd, buf, n);
  concur::close(fd);
}

TEST(Net, EchoRoundTripOverLoopback) {
  int listener = concur::listen_tcp("127.0.0.1", 0);
  auto main_task = [&]() -> concur::task<std::string> {
    auto server = concur::spawn(echo_once(listener));
    int fd = co_await concur::async_connect("127.0.0.1", concur::local_port(listener));
    co_await concur::async_write(fd, "ping", 4);
    auto reply = co_await read_some(fd);
    concur::close(fd);
    co_await server;
    co_return reply;
  };
  EXPECT_EQ(concur::run(main_task()), "ping");
  ::close(listener);
}

TEST(Net, ConnectByNameTriesEachResolvedAddress) {
  // "localhost" may resolve to ::1 first, where nothing listens: the IPv4 address must follow.
  int listener = concur::listen_tcp("127.0.0.1", 0);
  auto main_task = [&]() -> concur::task<std::string> {
    auto server = concur::spawn(echo_once(listener));
    int fd = co_await concur::async_connect("localhost", concur::local_port(listener));
    co_await concur::async_write(fd, "name", 4);
    auto reply = co_await read_some(fd);
    concur::close(fd);
    co_await server;
    co_return reply;
  };
  EXPECT_EQ(concur::run(main_task()), "name");
  ::close(listener);
}

TEST(Net, ConnectToAPortWithNoListenerThrowsSystemError) {
  int listener = concur::listen_tcp("127.0.0.1", 0);
  auto port = concur::local_port(listener);
  ::close(listener);
  auto main_task = [&]() -> concur::task<int> { co_return co_await concur::async_connect("127.0.0.1", port); };
  EXPECT_THROW(concur::run(main_task()), std::system_error);
}

TEST(Net, ReadReturnsZeroAtEndOfStream) {
  socket_pair p;
  ::close(p.fds[1]);
  p.fds[1] = -1;
  EXPECT_EQ(concur::run(read_some(p.fds[0])), "");
}

TEST(Net, EndOfStreamAfterAShortReadIsStillSeen) {
  // The hang-up is reported (and handled, with nobody waiting) before the data is read: the short
  // read that drains the data must not make the loop wait for another edge.
  socket_pair p;
  auto main_task = [&]() -> concur::task<std::string> {
    // A first read that waits: the descriptor is now registered with epoll.
    auto reader = concur::spawn(read_some(p.fds[0]));
    co_await concur::sleep_for(1ms);
    co_await concur::async_write(p.fds[1], "head", 4);
    auto first = co_await reader;
    co_await concur::async_write(p.fds[1], "tail", 4);
    ::shutdown(p.fds[1], SHUT_WR);
    co_await concur::sleep_for(5ms);
    auto second = co_await read_some(p.fds[0]);
    auto rest = co_await read_some(p.fds[0]);
    co_return first + second + "|" + rest;
  };
  EXPECT_EQ(concur::run(concur::wait_for(main_task(), 5s)), "headtail|");
}

TEST(Net, ReadSuspendsUntilDataArrives) {
  socket_pair p;
  auto main_task = [&]() -> concur::task<std::string> {
    auto reader = concur::spawn(read_some(p.fds[0]));
    co_await concur::sleep_for(5ms);
    EXPECT_FALSE(reader.done());
    co_await concur::async_write(p.fds[1], "late", 4);
    co_return co_await reader;
  };
  EXPECT_EQ(concur::run(main_task()), "late");
}

TEST(Net, WriteToAClosedPeerThrowsSystemErrorWithoutSigpipe) {
  socket_pair p;
  ::close(p.fds[1]);
  p.fds[1] = -1;
  auto main_task = [&]() -> concur::task<void> { co_await concur::async_write(p.fds[0], "x", 1); };
  EXPECT_THROW(concur::run(main_task()), std::system_error);
}

TEST(Net, LargeWriteCompletesWhileThePeerReads) {
  socket_pair p;
  const std::string payload(8 << 20, 'z');
  auto reader = [](int fd, std::size_t expected) -> concur::task<std::size_t> {
    std::size_t total = 0;
    char buf[65536];
    while (total < expected) total += co_await concur::async_read(fd, buf, sizeof buf);
    co_return total;
  };
  auto main_task = [&]() -> concur::task<std::size_t> {
    auto r = concur::spawn(reader(p.fds[1], payload.size()));
    auto written = co_await concur::async_write(p.fds[0], payload.data(), payload.size());
    EXPECT_EQ(written, payload.size());
    co_return co_await r;
  };
  EXPECT_EQ(concur::run(main_task()), payload.size());
}

TEST(Net, CancelledReadConsumesNoBytes) {
  socket_pair p;
  auto main_task = [&]() -> concur::task<std::string> {
    auto reader = concur::spawn(read_some(p.fds[0]));
    co_await concur::sleep_for(1ms);
    reader.cancel();
    co_await concur::async_write(p.fds[1], "kept", 4);
    try {
      co_await reader;
    } catch (const concur::cancelled_error&) {
    }
    co_return co_await read_some(p.fds[0]);
  };
  EXPECT_EQ(concur::run(main_task()), "kept");
}

TEST(Net, TwoReadersOfOneDescriptorIsALogicError) {
  socket_pair p;
  auto main_task = [&]() -> concur::task<void> {
    auto first = concur::spawn(read_some(p.fds[0]));
    co_await concur::sleep_for(1ms);
    try {
      co_await read_some(p.fds[0]);
    } catch (...) {
      first.cancel();
      throw;
    }
  };
  EXPECT_THROW(concur::run(main_task()), std::logic_error);
}

TEST(Net, DescriptorNumberReusedAfterPlainCloseIsWatchedAgain) {
  // The first connection is closed with ::close, which the loop does not see; the next
  // accept gets the same number and must still be waited on correctly.
  int listener = concur::listen_tcp("127.0.0.1", 0);
  auto port = concur::local_port(listener);
  auto server = [](int l) -> concur::task<std::string> {
    std::string got;
    for (int i = 0; i < 2; ++i) {
      int fd = co_await concur::async_accept(l);
      got += co_await read_some(fd);
      ::close(fd);
    }
    co_return got;
  };
  auto client = [](std::uint16_t p, std::string text) -> concur::task<void> {
    int fd = co_await concur::async_connect("127.0.0.1", p);
    co_await concur::sleep_for(5ms);
    co_await concur::async_write(fd, text.data(), text.size());
    concur::close(fd);
  };
  auto main_task = [&]() -> concur::task<std::string> {
    auto s = concur::spawn(server(listener));
    co_await client(port, "a");
    co_await client(port, "b");
    co_return co_await s;
  };
  EXPECT_EQ(concur::run(concur::wait_for(main_task(), 30s)), "ab");
  ::close(listener);
}

} // namespace
