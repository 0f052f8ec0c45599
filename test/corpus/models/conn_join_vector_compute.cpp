// concur-site: thread-per-connection
// expect-target: coroutines
// trap: handler threads kept in a vector and joined after the accept loop; handler parses "ADD a b" and answers
#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

static void serve_calc(int conn) {
  std::string req;
  char buf[128];
  while (req.find('\n') == std::string::npos) {
    ssize_t n = recv(conn, buf, sizeof buf, 0);
    if (n <= 0) break;
    req.append(buf, static_cast<std::size_t>(n));
  }
  std::istringstream in(req);
  std::string op;
  long a = 0, b = 0;
  in >> op >> a >> b;
  std::string answer = op == "ADD" ? std::to_string(a + b) : op == "MUL" ? std::to_string(a * b) : "ERR";
  answer += '\n';
  std::size_t off = 0;
  while (off < answer.size()) {
    ssize_t n = send(conn, answer.data() + off, answer.size() - off, MSG_NOSIGNAL);
    if (n <= 0) break;
    off += static_cast<std::size_t>(n);
  }
  close(conn);
}

static int open_listener(unsigned short* port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(fd, 128) != 0) return -1;
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  *port = ntohs(a.sin_port);
  return fd;
}

static std::string ask(unsigned short port, const std::string& q) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
    send(fd, q.data(), q.size(), MSG_NOSIGNAL);
    char buf[128];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  return out;
}

int main() {
  constexpr int kRequests = 16;
  unsigned short port = 0;
  int listener = open_listener(&port);
  if (listener < 0) return 1;

  std::vector<std::string> answers(kRequests);
  std::thread client([&] {
    for (int i = 0; i < kRequests; ++i) {
      std::string q = (i % 2 ? "MUL " : "ADD ") + std::to_string(i) + " " + std::to_string(i + 3) + "\n";
      answers[i] = ask(port, q);
    }
  });

  std::vector<std::thread> handlers;
  for (int i = 0; i < kRequests; ++i) {
    int conn = accept(listener, nullptr, nullptr);
    if (conn < 0) break;
    handlers.emplace_back(serve_calc, conn);
  }
  for (auto& h : handlers) h.join();
  client.join();
  close(listener);
  for (int i = 0; i < kRequests; ++i) std::printf("request %2d -> %s", i, answers[i].c_str());
  return 0;
}
