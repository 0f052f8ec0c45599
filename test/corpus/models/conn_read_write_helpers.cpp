// concur-site: thread-per-connection
// expect-target: coroutines
// trap: the handler blocks through project helpers read_line()/write_all() built on read()/write() (only the handler uses them)
#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

// Reads one '\n'-terminated line from fd, a byte at a time (the classic naive way).
static std::string read_line(int fd) {
  std::string line;
  char c;
  while (read(fd, &c, 1) == 1) {
    if (c == '\n') break;
    line += c;
  }
  return line;
}

static bool write_all(int fd, const std::string& data) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = write(fd, data.data() + off, data.size() - off);
    if (n <= 0) return false;
    off += static_cast<std::size_t>(n);
  }
  return true;
}

static void handle(int fd) {
  std::string name = read_line(fd);
  std::string greeting = read_line(fd);
  write_all(fd, greeting + ", " + name + "!\n");
  close(fd);
}

int main() {
  const std::vector<std::string> names = {"ada", "brian", "claude", "dennis", "edsger", "frances"};
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(lfd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || listen(lfd, 16) != 0) return 1;
  socklen_t sl = sizeof sa;
  getsockname(lfd, reinterpret_cast<sockaddr*>(&sa), &sl);

  std::vector<std::string> got(names.size());
  std::thread client([&] {
    for (std::size_t i = 0; i < names.size(); ++i) {
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      if (connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0) {
        std::string req = names[i] + "\n" + (i % 2 ? "hi" : "hello") + "\n";
        send(fd, req.data(), req.size(), MSG_NOSIGNAL);
        char buf[128];
        ssize_t n;
        while ((n = recv(fd, buf, sizeof buf, 0)) > 0) got[i].append(buf, static_cast<std::size_t>(n));
        if (!got[i].empty() && got[i].back() == '\n') got[i].pop_back();
      }
      close(fd);
    }
  });

  std::vector<std::thread> handlers;
  for (std::size_t i = 0; i < names.size(); ++i) {
    int fd = accept(lfd, nullptr, nullptr);
    if (fd < 0) break;
    handlers.push_back(std::thread(handle, fd));
  }
  for (auto& h : handlers) h.join();
  client.join();
  close(lfd);
  for (const auto& g : got) std::printf("%s\n", g.c_str());
  return 0;
}
