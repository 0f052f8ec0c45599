// concur-site: none
// expect-target: none
// trap: thread per connection, but each handler blocks on a condition variable (a gate until every request arrived), not only on its socket
#include <arpa/inet.h>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

constexpr int kClients = 6;

static std::mutex gate_mutex;
static std::condition_variable gate_cv;
static int arrived = 0;
static long batch_total = 0;

// Every handler contributes its number, then waits until the whole batch is in before answering.
static void handle(int fd) {
  char buf[32];
  ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
  long value = 0;
  if (n > 0) {
    buf[n] = '\0';
    value = std::stol(buf);
  }
  long total;
  {
    std::unique_lock<std::mutex> lk(gate_mutex);
    batch_total += value;
    ++arrived;
    gate_cv.notify_all();
    gate_cv.wait(lk, [] { return arrived == kClients; });
    total = batch_total;
  }
  std::string reply = std::to_string(value) + "/" + std::to_string(total);
  send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
  close(fd);
}

int main() {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(lfd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || listen(lfd, 16) != 0) return 1;
  socklen_t sl = sizeof sa;
  getsockname(lfd, reinterpret_cast<sockaddr*>(&sa), &sl);

  std::vector<std::string> replies(kClients);
  std::thread clients([&] {
    std::vector<int> fds;
    for (int i = 0; i < kClients; ++i) {  // all connections open at once: the batch needs them all
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      if (connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) return;
      std::string v = std::to_string((i + 1) * 10);
      send(fd, v.data(), v.size(), MSG_NOSIGNAL);
      fds.push_back(fd);
    }
    for (int i = 0; i < kClients; ++i) {
      char buf[64];
      ssize_t n;
      while ((n = recv(fds[i], buf, sizeof buf, 0)) > 0) replies[i].append(buf, static_cast<std::size_t>(n));
      close(fds[i]);
    }
  });

  std::vector<std::thread> handlers;
  for (int i = 0; i < kClients; ++i) {
    int fd = accept(lfd, nullptr, nullptr);
    if (fd < 0) break;
    handlers.emplace_back(handle, fd);
  }
  for (auto& h : handlers) h.join();
  clients.join();
  close(lfd);
  for (int i = 0; i < kClients; ++i) std::printf("client %d: %s\n", i, replies[i].c_str());
  return 0;
}
