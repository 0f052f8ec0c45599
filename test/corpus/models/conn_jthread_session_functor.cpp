// concur-site: thread-per-connection
// expect-target: coroutines
// trap: the handler is a function object (Session::operator()) run by a std::jthread per connection, kept in a vector
#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

class Session {
public:
  Session(int fd, int id) : fd_(fd), id_(id) {}
  void operator()() const {
    char buf[128];
    std::string body;
    ssize_t n;
    while ((n = recv(fd_, buf, sizeof buf, 0)) > 0) body.append(buf, static_cast<std::size_t>(n));  // until the client's FIN
    std::string reply = "session " + std::to_string(id_) + " got " + std::to_string(body.size()) + " bytes";
    send(fd_, reply.data(), reply.size(), MSG_NOSIGNAL);
    shutdown(fd_, SHUT_WR);
    close(fd_);
  }

private:
  int fd_;
  int id_;
};

int main() {
  constexpr int kClients = 10;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listener, 32) != 0) return 1;
  socklen_t alen = sizeof addr;
  getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &alen);

  std::vector<std::string> replies(kClients);
  std::jthread client([&replies, addr] {
    for (int i = 0; i < kClients; ++i) {
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        continue;
      }
      std::string payload(static_cast<std::size_t>(5 + i * 3), 'z');
      send(fd, payload.data(), payload.size(), MSG_NOSIGNAL);
      shutdown(fd, SHUT_WR);
      char buf[128];
      ssize_t n;
      while ((n = recv(fd, buf, sizeof buf, 0)) > 0) replies[i].append(buf, static_cast<std::size_t>(n));
      close(fd);
    }
  });

  {
    std::vector<std::jthread> sessions;
    for (int id = 0; id < kClients; ++id) {
      int fd = accept(listener, nullptr, nullptr);
      if (fd < 0) break;
      sessions.emplace_back(Session(fd, id));
    }
  }  // sessions join here
  client.join();
  close(listener);
  for (const auto& r : replies) std::printf("%s\n", r.c_str());
  return 0;
}
