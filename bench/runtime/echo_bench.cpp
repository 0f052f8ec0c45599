// Echo server and clients on loopback, all on one thread: 1,000 concurrent connections, each
// sending `rounds` 32-byte requests and waiting for each echo; servers read into 1 KiB buffers. concur coroutines against
// Boost.Asio with C++20 awaitables (Python's asyncio is echo_asyncio.py, the same protocol).
#include "bench_util.hpp"

#include <concur/gather.hpp>
#include <concur/net.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <sys/resource.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

constexpr int connections = 1'000;
constexpr int rounds = 100;
constexpr std::size_t message = 32;

// ---- concur ----

concur::task<void> concur_session(int fd) {
  char buf[1024];
  while (auto n = co_await concur::async_read(fd, buf, sizeof buf)) co_await concur::async_write(fd, buf, n);
  concur::close(fd);
}

concur::task<void> concur_server(int listener) {
  for (int i = 0; i < connections; ++i) concur::spawn(concur_session(co_await concur::async_accept(listener)));
}

concur::task<void> concur_client(std::uint16_t port) {
  int fd = co_await concur::async_connect("127.0.0.1", port);
  char out[message] = {}, in[message];
  for (int r = 0; r < rounds; ++r) {
    co_await concur::async_write(fd, out, sizeof out);
    for (std::size_t got = 0; got < message;) got += co_await concur::async_read(fd, in + got, message - got);
  }
  concur::close(fd);
}

concur::task<double> concur_benchmark() {
  int listener = concur::listen_tcp("127.0.0.1", 0, 4096);
  concur::spawn(concur_server(listener));
  std::vector<concur::task<void>> clients;
  for (int i = 0; i < connections; ++i) clients.push_back(concur_client(concur::local_port(listener)));
  auto start = bench::clock::now();
  co_await concur::gather(std::move(clients));
  double elapsed = bench::seconds_since(start);
  concur::close(listener);
  co_return elapsed;
}

// ---- Boost.Asio with C++20 awaitables ----

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> asio_session(tcp::socket socket) {
  char buf[1024];
  try {
    for (;;) {
      std::size_t n = co_await socket.async_read_some(asio::buffer(buf), asio::use_awaitable);
      co_await asio::async_write(socket, asio::buffer(buf, n), asio::use_awaitable);
    }
  } catch (const std::exception&) {
    // end of stream
  }
}

asio::awaitable<void> asio_server(tcp::acceptor& acceptor) {
  for (int i = 0; i < connections; ++i) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), asio_session(std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> asio_client(tcp::endpoint server, int& finished) {
  tcp::socket socket(co_await asio::this_coro::executor);
  co_await socket.async_connect(server, asio::use_awaitable);
  char out[message] = {}, in[message];
  for (int r = 0; r < rounds; ++r) {
    co_await asio::async_write(socket, asio::buffer(out), asio::use_awaitable);
    co_await asio::async_read(socket, asio::buffer(in), asio::use_awaitable);
  }
  ++finished;
}

double asio_benchmark() {
  asio::io_context context(1);
  tcp::acceptor acceptor(context, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  acceptor.listen(4096);
  asio::co_spawn(context, asio_server(acceptor), asio::detached);
  int finished = 0;
  for (int i = 0; i < connections; ++i) asio::co_spawn(context, asio_client(acceptor.local_endpoint(), finished), asio::detached);
  auto start = bench::clock::now();
  context.run();
  double elapsed = bench::seconds_since(start);
  if (finished != connections) std::fprintf(stderr, "asio: only %d clients finished\n", finished);
  return elapsed;
}

void raise_fd_limit() {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

} // namespace

int main(int argc, char** argv) {
  raise_fd_limit();
  const double requests = static_cast<double>(connections) * rounds;
  std::map<std::string, std::function<void()>> cases{
      {"echo concur",
       [&] {
         double s = bench::best_seconds(3, [&] { concur::run(concur_benchmark()); });
         bench::report("echo.concur", requests / s, "requests/s");
       }},
      {"echo asio",
       [&] {
         double best = 1e300;
         for (int i = 0; i < 3; ++i) best = std::min(best, asio_benchmark());
         bench::report("echo.asio", requests / best, "requests/s");
       }},
  };
  return bench::dispatch(argc, argv, cases);
}
