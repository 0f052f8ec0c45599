// concur-site: thread-per-connection
// expect-target: coroutines
// trap: accept loop on 127.0.0.1:0 hands each connection to a detached std::thread doing blocking recv/send
#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

static void handle_client(int fd) {
  char buf[256];
  std::string request;
  while (request.find('\n') == std::string::npos) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    request.append(buf, static_cast<std::size_t>(n));
  }
  std::string reply = "echo: " + request;
  send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
  close(fd);
}

static std::string round_trip(unsigned short port, const std::string& line) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "connect failed";
  }
  send(fd, line.data(), line.size(), MSG_NOSIGNAL);
  std::string reply;
  char buf[256];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) reply.append(buf, static_cast<std::size_t>(n));
  close(fd);
  return reply;
}

int main() {
  constexpr int kClients = 8;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listener, 64) != 0) return 1;
  socklen_t len = sizeof addr;
  getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
  const unsigned short port = ntohs(addr.sin_port);

  // The clients: one thread, started once, talking to the server one connection at a time.
  std::vector<std::string> replies(kClients);
  std::thread client([&replies, port] {
    for (int i = 0; i < kClients; ++i) replies[i] = round_trip(port, "hello " + std::to_string(i) + "\n");
  });

  for (int served = 0; served < kClients; ++served) {
    int conn = accept(listener, nullptr, nullptr);
    if (conn < 0) break;
    std::thread(handle_client, conn).detach();
  }
  client.join();
  close(listener);
  for (const auto& r : replies) std::printf("%s", r.c_str());
  return 0;
}
