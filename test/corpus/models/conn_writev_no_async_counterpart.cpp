// concur-site: thread-per-connection
// expect-target: coroutines
// expect-fix: diagnostic-only
// trap: the handler answers with writev() on the connection, a blocking call with no async counterpart in the runtime
#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <sys/uio.h>
#include <thread>
#include <unistd.h>
#include <vector>

static void respond(int fd) {
  char req[128];
  ssize_t n = recv(fd, req, sizeof req, 0);
  std::string path = n > 0 ? std::string(req, static_cast<std::size_t>(n)) : "?";
  std::string header = "200 OK " + std::to_string(path.size()) + "\n";
  iovec parts[2];
  parts[0].iov_base = header.data();
  parts[0].iov_len = header.size();
  parts[1].iov_base = path.data();
  parts[1].iov_len = path.size();
  (void)!writev(fd, parts, 2);
  close(fd);
}

int main() {
  constexpr int kClients = 5;
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(lfd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || listen(lfd, 16) != 0) return 1;
  socklen_t sl = sizeof sa;
  getsockname(lfd, reinterpret_cast<sockaddr*>(&sa), &sl);

  std::vector<std::string> replies(kClients);
  std::thread client([&] {
    for (int i = 0; i < kClients; ++i) {
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      if (connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0) {
        std::string path = "/item/" + std::to_string(i * 17);
        send(fd, path.data(), path.size(), MSG_NOSIGNAL);
        char buf[128];
        ssize_t n;
        while ((n = recv(fd, buf, sizeof buf, 0)) > 0) replies[i].append(buf, static_cast<std::size_t>(n));
      }
      close(fd);
    }
  });
  std::vector<std::thread> workers;
  for (int i = 0; i < kClients; ++i) {
    int fd = accept(lfd, nullptr, nullptr);
    if (fd < 0) break;
    workers.emplace_back(respond, fd);
  }
  for (auto& w : workers) w.join();
  client.join();
  close(lfd);
  for (const auto& r : replies) std::printf("%s\n", r.c_str());
  return 0;
}
