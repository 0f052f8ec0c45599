// Inter-process channels on one host: pipes, FIFOs, socketpairs, Unix-domain sockets, POSIX and
// System V message queues. All io.ipc.
// Traps: a Unix-domain socket uses the same socket/connect/send/recv calls as TCP, but it is ipc,
// not net (the AF_UNIX address family decides); a pipe is read with plain read().
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mqueue.h>
#include <string>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

namespace ipc {

// expect: io.ipc
std::string pipe_roundtrip(const std::string &message) {
  int fds[2];
  if (::pipe(fds) != 0)
    return {};
  ::write(fds[1], message.data(), message.size());
  ::close(fds[1]);
  std::string echoed;
  char buf[256];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0)
    echoed.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  return echoed;
}

// expect: io.ipc
bool socketpair_ping() {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return false;
  char out = 'p', in = 0;
  ::write(sv[0], &out, 1);
  ::read(sv[1], &in, 1);
  ::close(sv[0]);
  ::close(sv[1]);
  return in == out;
}

// expect: io.ipc
bool fifo_publish(const char *path, const std::string &line) {
  if (::mkfifo(path, 0600) != 0 && errno != EEXIST)
    return false;
  int fd = ::open(path, O_WRONLY);
  if (fd < 0)
    return false;
  ssize_t w = ::write(fd, line.data(), line.size());
  ::close(fd);
  return w == static_cast<ssize_t>(line.size());
}

class UnixClient {
public:
  // expect: io.ipc
  bool connect_to(const char *socket_path) {
    fd_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd_ < 0)
      return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, socket_path, sizeof addr.sun_path - 1);
    return ::connect(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
  }

  // expect: io.ipc
  std::string request(const std::string &query) {
    ::send(fd_, query.data(), query.size(), 0);
    char buf[1024];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  }

  // expect: trivial
  bool connected() const { return fd_ >= 0; }

private:
  int fd_ = -1;
};

// expect: io.ipc
int drain_mqueue(const char *name) {
  mqd_t q = ::mq_open(name, O_RDONLY);
  if (q == static_cast<mqd_t>(-1))
    return -1;
  char msg[8192];
  int count = 0;
  while (::mq_receive(q, msg, sizeof msg, nullptr) >= 0)
    ++count;
  ::mq_close(q);
  return count;
}

struct JobMessage {
  long mtype;
  char payload[128];
};

// expect: io.ipc
bool sysv_post(int queue_id, long type, const char *text) {
  JobMessage m{};
  m.mtype = type;
  std::strncpy(m.payload, text, sizeof m.payload - 1);
  return ::msgsnd(queue_id, &m, sizeof m.payload, 0) == 0;
}

// expect: io.ipc
std::string sysv_take(int queue_id, long type) {
  JobMessage m{};
  if (::msgrcv(queue_id, &m, sizeof m.payload, type, 0) < 0)
    return {};
  return m.payload;
}

} // namespace ipc
