// concur-site: thread-per-task
// expect-target: coroutines
// trap: a client fan-out: 500 threads, each connecting to a local server and blocking in send/recv (large I/O fan-out)
#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

// The server: one thread, started once, answering connections in turn with the request doubled.
static void serve(int listener, int count) {
  for (int i = 0; i < count; ++i) {
    int fd = accept(listener, nullptr, nullptr);
    if (fd < 0) return;
    char buf[64];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    std::string reply = n > 0 ? std::to_string(std::stol(std::string(buf, static_cast<std::size_t>(n))) * 2) : "-1";
    send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
    close(fd);
  }
}

static long query(const sockaddr_in& server, long value) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  long result = -1;
  if (connect(fd, reinterpret_cast<const sockaddr*>(&server), sizeof server) == 0) {
    std::string req = std::to_string(value);
    send(fd, req.data(), req.size(), MSG_NOSIGNAL);
    std::string reply;
    char buf[64];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) reply.append(buf, static_cast<std::size_t>(n));
    if (!reply.empty()) result = std::stol(reply);
  }
  close(fd);
  return result;
}

int main() {
  constexpr int kRequests = 500;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listener, SOMAXCONN) != 0) return 1;
  socklen_t len = sizeof addr;
  getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
  std::thread server(serve, listener, kRequests);

  std::vector<long> answers(kRequests);
  std::vector<std::thread> clients;
  for (int i = 0; i < kRequests; ++i) clients.emplace_back([&answers, &addr, i] { answers[i] = query(addr, 1000 + i); });
  for (auto& c : clients) c.join();
  server.join();
  close(listener);

  long sum = 0;
  int failed = 0;
  for (long a : answers) {
    if (a < 0) ++failed;
    else sum += a;
  }
  std::printf("requests %d failed %d sum %ld first %ld last %ld\n", kRequests, failed, sum, answers.front(), answers.back());
  return 0;
}
