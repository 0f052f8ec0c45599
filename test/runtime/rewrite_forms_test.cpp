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

concur::task<void> handler(int fd) {
  char buf[512];
  auto n = co_await concur::async_read(fd, buf, sizeof buf);
  co_await concur::async_write(fd, buf, n);
  concur::close(fd);
}

concur::task<void> accept_loop(int listen_fd, int connections) {
  for (int i = 0; i < connections; ++i) {
    int fd = co_await concur::async_accept(listen_fd);
    concur::spawn(handler(fd));
  }
}

concur::task<std::string> client(std::uint16_t port, std::string text) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  co_await concur::async_connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  co_await concur::async_write(fd, text.data(), text.size());
  char buf[512];
  auto n = co_await concur::async_read(fd, buf, sizeof buf);
  concur::close(fd);
  co_return std::string(buf, n);
}

int listener = -1;

concur::task<int> main_task() {
  concur::spawn(accept_loop(listener, 2));
  auto [a, b] = co_await concur::gather(client(concur::local_port(listener), "one"), client(concur::local_port(listener), "two"));
  co_return a == "one" && b == "two" ? 0 : 1;
}

TEST(RewriteForms, EchoServerHandlerSpawnedFromAnAcceptLoop) {
  listener = concur::listen_tcp("127.0.0.1", 0);
  // The rewritten main is `int main() { return concur::run(main_task()); }`.
  EXPECT_EQ(concur::run(main_task()), 0);
  ::close(listener);
}

} // namespace
