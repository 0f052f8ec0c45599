// concur-site: thread-per-connection
// expect-target: coroutines
// trap: 1,000 concurrent connections, one std::thread each (unbounded fan-out); client opens all, sends all, reads all
#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

static void session(int fd) {
  char buf[64];
  std::string line;
  while (line.empty() || line.back() != '\n') {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  unsigned long id = std::stoul(line.substr(0, line.find(' ')));
  std::string reply = std::to_string(id * id % 9973) + "\n";
  send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
  close(fd);
}

int main() {
  constexpr int kConnections = 1000;
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 4096 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max < 4096 ? rl.rlim_max : 4096;
    setrlimit(RLIMIT_NOFILE, &rl);
  }

  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listener, SOMAXCONN) != 0) return 1;
  socklen_t alen = sizeof addr;
  getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &alen);

  std::vector<unsigned long> results(kConnections, 0);
  std::thread clients([&results, addr] {
    std::vector<int> fds;
    for (int i = 0; i < kConnections; ++i) {
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        fd = -1;
      }
      fds.push_back(fd);
    }
    for (int i = 0; i < kConnections; ++i) {
      if (fds[i] < 0) continue;
      std::string req = std::to_string(i) + " please\n";
      send(fds[i], req.data(), req.size(), MSG_NOSIGNAL);
    }
    for (int i = 0; i < kConnections; ++i) {
      if (fds[i] < 0) continue;
      std::string reply;
      char buf[64];
      ssize_t n;
      while ((n = recv(fds[i], buf, sizeof buf, 0)) > 0) reply.append(buf, static_cast<std::size_t>(n));
      results[i] = reply.empty() ? 0 : std::stoul(reply);
      close(fds[i]);
    }
  });

  std::vector<std::thread> sessions;
  for (int i = 0; i < kConnections; ++i) {
    int fd = accept(listener, nullptr, nullptr);
    if (fd < 0) break;
    sessions.emplace_back(session, fd);
  }
  for (auto& s : sessions) s.join();
  clients.join();
  close(listener);

  unsigned long sum = 0;
  for (auto r : results) sum += r;
  std::printf("connections %d sum %lu first %lu %lu %lu last %lu\n", kConnections, sum, results[0], results[1], results[2],
              results[kConnections - 1]);
  return 0;
}
