// The event loop holds 10,000 concurrent TCP connections on loopback (20,000 sockets in this one
// process) and serves every one of them.
#include <concur/gather.hpp>
#include <concur/net.hpp>
#include <concur/semaphore.hpp>
#include <concur/task_group.hpp>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>

using namespace std::chrono_literals;

namespace {

constexpr std::size_t connections = 10'000;

/// Raises the descriptor limit to `wanted` (the hard limit too, where permitted); returns what
/// the soft limit is afterwards.
rlim_t raise_fd_limit(rlim_t wanted) {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  if (limit.rlim_max < wanted) {
    rlimit raised{wanted, wanted};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) return wanted;
  }
  limit.rlim_cur = std::min(wanted, limit.rlim_max);
  setrlimit(RLIMIT_NOFILE, &limit);
  getrlimit(RLIMIT_NOFILE, &limit);
  return limit.rlim_cur;
}

struct shared_state {
  std::size_t open_on_server = 0;
  std::size_t peak_open_on_server = 0;
  std::size_t echoed = 0;
  std::size_t connected = 0;
  std::size_t target = 0;
  concur::promise<void> everyone_connected;
};

concur::task<void> serve(int fd, shared_state& s) {
  s.peak_open_on_server = std::max(s.peak_open_on_server, ++s.open_on_server);
  char buf[64];
  auto n = co_await concur::async_read(fd, buf, sizeof buf);
  co_await concur::async_write(fd, buf, n);
  // Stay open until the client hangs up, so that every connection is open at once.
  while (co_await concur::async_read(fd, buf, sizeof buf) > 0) {
  }
  --s.open_on_server;
  concur::close(fd);
}

concur::task<void> accept_loop(int listener, shared_state& s, concur::task_group& handlers) {
  for (std::size_t i = 0; i < s.target; ++i) handlers.spawn(serve(co_await concur::async_accept(listener), s));
}

concur::task<void> client(std::uint16_t port, std::size_t id, shared_state& s, concur::semaphore& connecting) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "socket");
  {
    // Bounded connect bursts keep the listen backlog from overflowing (which would cost SYN
    // retransmissions of a second each); the connections themselves all stay open.
    auto permit = co_await connecting.hold();
    co_await concur::async_connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  }
  const std::string message = std::to_string(id);
  co_await concur::async_write(fd, message.data(), message.size());
  char buf[64];
  std::size_t got = 0;
  while (got < message.size()) got += co_await concur::async_read(fd, buf + got, sizeof buf - got);
  if (std::string(buf, got) == message) ++s.echoed;
  if (++s.connected == s.target) s.everyone_connected.set_value();
  co_await s.everyone_connected.get_future();
  concur::close(fd);
}

TEST(NetScale, TenThousandConcurrentConnectionsAreAllServed) {
  const rlim_t limit = raise_fd_limit(2 * connections + 256);
  const std::size_t target = std::min<std::size_t>(connections, (limit - 128) / 2);
  ASSERT_GE(2 * target, 10'000u) << "descriptor limit " << limit << " is too low for 10,000 sockets";

  shared_state s;
  s.target = target;
  int listener = concur::listen_tcp("127.0.0.1", 0, 4096);
  auto main_task = [&]() -> concur::task<void> {
    concur::task_group handlers;
    concur::semaphore connecting(256);
    auto acceptor = handlers.spawn(accept_loop(listener, s, handlers));
    std::vector<concur::task<void>> clients;
    for (std::size_t i = 0; i < target; ++i) clients.push_back(client(concur::local_port(listener), i, s, connecting));
    co_await concur::gather(std::move(clients));
    co_await handlers.join();
  };
  concur::run(concur::wait_for(main_task(), 120s));
  ::close(listener);
  EXPECT_EQ(s.echoed, target);
  EXPECT_EQ(s.peak_open_on_server, target);
  EXPECT_EQ(s.open_on_server, 0u);
}

} // namespace
