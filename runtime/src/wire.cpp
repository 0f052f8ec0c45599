// Framing of the messages between the caller, the fork server and the workers.
#include "wire.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace concur::detail::wire {

bool send_message(int socket, const message& m, int fd) noexcept {
  msghdr header{};
  iovec body{const_cast<message*>(&m), sizeof m};
  header.msg_iov = &body;
  header.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  if (fd >= 0) {
    std::memset(control, 0, sizeof control);
    header.msg_control = control;
    header.msg_controllen = sizeof control;
    cmsghdr* c = CMSG_FIRSTHDR(&header);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
  }
  for (;;) {
    if (::sendmsg(socket, &header, MSG_NOSIGNAL) == static_cast<ssize_t>(sizeof m)) return true;
    if (errno != EINTR) return false;
  }
}

int receive_message(int socket, message& m, int* fd) noexcept {
  msghdr header{};
  iovec body{&m, sizeof m};
  header.msg_iov = &body;
  header.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  header.msg_control = control;
  header.msg_controllen = sizeof control;
  if (fd) *fd = -1;
  ssize_t n;
  do n = ::recvmsg(socket, &header, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  if (n == 0) return 0;
  if (n < 0) return -1;
  for (cmsghdr* c = CMSG_FIRSTHDR(&header); c != nullptr; c = CMSG_NXTHDR(&header, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      int received;
      std::memcpy(&received, CMSG_DATA(c), sizeof received);
      if (fd) *fd = received;
      else ::close(received);
    }
  }
  return n == static_cast<ssize_t>(sizeof m) ? 1 : -1;
}

bool write_all(int fd, const void* data, std::size_t size) noexcept {
  const char* next = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::send(fd, next, size, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    next += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool inbox::fill(int fd, bool wait) {
  // What was taken goes first: the buffer holds at most one partial frame besides new bytes.
  data_.erase(0, start_);
  start_ = 0;
  constexpr std::size_t piece = 64 * 1024;
  for (;;) {
    const std::size_t old = data_.size();
    data_.resize(old + piece);
    const ssize_t n = ::recv(fd, data_.data() + old, piece, wait ? 0 : MSG_DONTWAIT);
    data_.resize(old + (n > 0 ? static_cast<std::size_t>(n) : 0));
    if (n > 0) {
      // A full piece may mean more is waiting; otherwise the socket is drained.
      if (static_cast<std::size_t>(n) < piece) return true;
      wait = false;
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
}

} // namespace concur::detail::wire
