// concur::sys: the blocking socket calls as awaitables with the system calls' contract.
#include <concur/event_loop.hpp>
#include <concur/sys.hpp>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <string>
#include <system_error>
#include <thread>

using namespace std::chrono_literals;

namespace {

/// A blocking socket pair, as a thread-per-connection program would have.
struct blocking_pair {
  blocking_pair() {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds.data()) != 0) throw std::system_error(errno, std::generic_category());
  }
  ~blocking_pair() {
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  }
  std::array<int, 2> fds{-1, -1};
};

bool is_nonblocking(int fd) { return (::fcntl(fd, F_GETFL) & O_NONBLOCK) != 0; }

sockaddr_in loopback_address(int listener) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  return address;
}

int blocking_listener() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 16) != 0)
    throw std::system_error(errno, std::generic_category());
  return fd;
}

TEST(Sys, RecvWaitsForDataWithoutBlockingTheLoop) {
  blocking_pair pair;
  auto reader = [&]() -> concur::task<std::string> {
    char buf[16];
    ssize_t n = co_await concur::sys::recv(pair.fds[0], buf, sizeof buf, 0);
    co_return std::string(buf, static_cast<std::size_t>(n));
  };
  auto writer = [&]() -> concur::task<void> {
    co_await concur::sleep_for(10ms); // the reader is suspended by now, the loop still runs
    co_await concur::sys::send(pair.fds[1], "late", 4, 0);
  };
  auto main_task = [&]() -> concur::task<std::string> {
    auto sent = concur::spawn(writer());
    std::string got = co_await reader();
    co_await sent;
    co_return got;
  };
  EXPECT_EQ(concur::run(main_task()), "late");
  EXPECT_FALSE(is_nonblocking(pair.fds[0])) << "the descriptor keeps the mode the program gave it";
}

TEST(Sys, RecvGivesZeroAtEndOfStream) {
  blocking_pair pair;
  ::close(pair.fds[1]);
  pair.fds[1] = -1;
  auto main_task = [&]() -> concur::task<ssize_t> {
    char buf[8];
    co_return co_await concur::sys::recv(pair.fds[0], buf, sizeof buf, 0);
  };
  EXPECT_EQ(concur::run(main_task()), 0);
}

TEST(Sys, FailureGivesMinusOneAndErrnoInsteadOfThrowing) {
  auto main_task = []() -> concur::task<int> {
    char buf[8];
    ssize_t n = co_await concur::sys::recv(-1, buf, sizeof buf, 0);
    co_return n == -1 ? errno : 0;
  };
  EXPECT_EQ(concur::run(main_task()), EBADF);
}

TEST(Sys, SendToAClosedPeerWithNoSignalGivesEpipe) {
  blocking_pair pair;
  ::close(pair.fds[0]);
  pair.fds[0] = -1;
  auto main_task = [&]() -> concur::task<int> {
    ssize_t n = co_await concur::sys::send(pair.fds[1], "x", 1, MSG_NOSIGNAL);
    co_return n == -1 ? errno : 0;
  };
  EXPECT_EQ(concur::run(main_task()), EPIPE);
}

TEST(Sys, SendWritesEveryByteEvenPastTheSocketBuffer) {
  blocking_pair pair;
  const std::string big(1 << 21, 'b'); // far more than a socket buffer holds
  std::size_t received = 0;
  std::thread drain([&] {
    char buf[65536];
    ssize_t n;
    while (received < big.size() && (n = ::recv(pair.fds[0], buf, sizeof buf, 0)) > 0) received += static_cast<std::size_t>(n);
  });
  auto main_task = [&]() -> concur::task<ssize_t> { co_return co_await concur::sys::send(pair.fds[1], big.data(), big.size(), 0); };
  EXPECT_EQ(concur::run(main_task()), static_cast<ssize_t>(big.size()));
  drain.join();
  EXPECT_EQ(received, big.size());
}

TEST(Sys, RecvWithWaitAllCollectsTheWholeSize) {
  blocking_pair pair;
  auto writer = [&]() -> concur::task<void> {
    co_await concur::sys::write(pair.fds[1], "ab", 2);
    co_await concur::sleep_for(5ms);
    co_await concur::sys::write(pair.fds[1], "cd", 2);
  };
  auto main_task = [&]() -> concur::task<std::string> {
    auto sent = concur::spawn(writer());
    char buf[4];
    ssize_t n = co_await concur::sys::recv(pair.fds[0], buf, sizeof buf, MSG_WAITALL);
    co_await sent;
    co_return std::string(buf, static_cast<std::size_t>(n));
  };
  EXPECT_EQ(concur::run(main_task()), "abcd");
}

TEST(Sys, ReadAndWriteServePipes) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  auto main_task = [&]() -> concur::task<std::string> {
    co_await concur::sys::write(fds[1], "pipe", 4);
    char buf[8];
    ssize_t n = co_await concur::sys::read(fds[0], buf, sizeof buf);
    co_return std::string(buf, static_cast<std::size_t>(n));
  };
  EXPECT_EQ(concur::run(main_task()), "pipe");
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST(Sys, AcceptAndConnectServeABlockingListener) {
  int listener = blocking_listener();
  sockaddr_in address = loopback_address(listener);
  auto server = [&]() -> concur::task<std::string> {
    sockaddr_in peer{};
    socklen_t length = sizeof peer;
    int fd = co_await concur::sys::accept(listener, reinterpret_cast<sockaddr*>(&peer), &length);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(peer.sin_family, AF_INET) << "the peer's address is written as ::accept writes it";
    EXPECT_FALSE(is_nonblocking(fd)) << "the connection comes in blocking mode, as from ::accept";
    char buf[16];
    ssize_t n = co_await concur::sys::recv(fd, buf, sizeof buf, 0);
    concur::sys::close(fd);
    co_return std::string(buf, static_cast<std::size_t>(n));
  };
  auto client = [&]() -> concur::task<int> {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int rc = co_await concur::sys::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    co_await concur::sys::send(fd, "hello", 5, 0);
    concur::sys::close(fd);
    co_return rc;
  };
  auto main_task = [&]() -> concur::task<std::string> {
    auto served = concur::spawn(server());
    int rc = co_await client();
    EXPECT_EQ(rc, 0);
    co_return co_await served;
  };
  EXPECT_EQ(concur::run(main_task()), "hello");
  ::close(listener);
}

TEST(Sys, ConnectWithNoListenerGivesMinusOneAndErrno) {
  int listener = blocking_listener();
  sockaddr_in address = loopback_address(listener);
  ::close(listener);
  auto main_task = [&]() -> concur::task<int> {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int rc = co_await concur::sys::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    int error = errno;
    concur::sys::close(fd);
    co_return rc == -1 ? error : 0;
  };
  EXPECT_EQ(concur::run(main_task()), ECONNREFUSED);
}

concur::task<ssize_t> recv_some(int fd) {
  char buf[8];
  co_return co_await concur::sys::recv(fd, buf, sizeof buf, 0);
}

TEST(Sys, CancelledRecvThrowsCancelledError) {
  blocking_pair pair;
  auto main_task = [&]() -> concur::task<bool> {
    auto waiting = concur::spawn(recv_some(pair.fds[0]));
    co_await concur::sleep_for(5ms);
    waiting.cancel();
    try {
      co_await waiting;
    } catch (const concur::cancelled_error&) {
      co_return true;
    }
    co_return false;
  };
  EXPECT_TRUE(concur::run(main_task()));
}

TEST(Sys, SleepsRunOnTheLoopSideBySide) {
  auto main_task = []() -> concur::task<int> {
    auto a = concur::spawn(concur::sys::usleep(100000));
    auto b = concur::spawn(concur::sys::usleep(100000));
    co_return co_await a + co_await b;
  };
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(concur::run(main_task()), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 190ms) << "two 100 ms sleeps overlap on one thread";
}

TEST(Sys, SleepYieldsZero) {
  EXPECT_EQ(concur::run(concur::sys::sleep(0)), 0u);
}

TEST(Sys, CloseReturnsTheSystemCallsResult) {
  int fd = ::dup(0);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(concur::sys::close(fd), 0);
  EXPECT_EQ(concur::sys::close(fd), -1);
  EXPECT_EQ(errno, EBADF);
}

} // namespace
