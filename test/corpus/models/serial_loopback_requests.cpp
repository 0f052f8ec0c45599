// concur-site: serial-blocking-loop
// expect-target: map
// trap: a loop of independent blocking requests (connect/send/recv) to a local server the program starts once
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

static sockaddr_in server_addr;

// The server: one thread, started once, serving the expected number of connections in turn.
static void serve(int listener, int count) {
  for (int i = 0; i < count; ++i) {
    int fd = accept(listener, nullptr, nullptr);
    if (fd < 0) return;
    char buf[64];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a slow backend
    std::string reply = "len=" + std::to_string(n > 0 ? n : 0);
    send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
    close(fd);
  }
}

static std::string request(const std::string& body) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  std::string reply;
  if (connect(fd, reinterpret_cast<sockaddr*>(&server_addr), sizeof server_addr) == 0) {
    send(fd, body.data(), body.size(), MSG_NOSIGNAL);
    char buf[64];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) reply.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  return reply;
}

int main() {
  const std::vector<std::string> bodies = {"a", "bb", "ccc", "dddd", "eeeee"};
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  server_addr.sin_family = AF_INET;
  server_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, reinterpret_cast<sockaddr*>(&server_addr), sizeof server_addr) != 0 || listen(listener, 16) != 0) return 1;
  socklen_t len = sizeof server_addr;
  getsockname(listener, reinterpret_cast<sockaddr*>(&server_addr), &len);
  std::thread server(serve, listener, static_cast<int>(bodies.size()));

  std::vector<std::string> replies(bodies.size());
  for (std::size_t i = 0; i < bodies.size(); ++i) replies[i] = request(bodies[i]);

  server.join();
  close(listener);
  for (std::size_t i = 0; i < bodies.size(); ++i) std::printf("%s -> %s\n", bodies[i].c_str(), replies[i].c_str());
  return 0;
}
