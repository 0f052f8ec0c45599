// The socket awaitables' system calls, and the blocking helpers (listen_tcp, name resolution).
#include <concur/net.hpp>

#include "socket_calls.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

namespace concur {

namespace {
[[noreturn]] void throw_errno(int error, const std::string& what) { throw std::system_error(error, std::generic_category(), what); }


/// A numeric IPv4 or IPv6 address, without any lookup.
bool parse_numeric(const std::string& host, std::uint16_t port, sockaddr_storage& out, socklen_t& length) {
  std::memset(&out, 0, sizeof out);
  auto* v4 = reinterpret_cast<sockaddr_in*>(&out);
  if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    length = sizeof(sockaddr_in);
    return true;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&out);
  if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    length = sizeof(sockaddr_in6);
    return true;
  }
  return false;
}

struct resolved {
  sockaddr_storage address;
  socklen_t length;
};

std::vector<resolved> resolve(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
    throw std::system_error(std::make_error_code(std::errc::host_unreachable), "concur::async_connect: " + host + ": " + gai_strerror(rc));
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owner(found, &freeaddrinfo);
  std::vector<resolved> out;
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    resolved r{};
    std::memcpy(&r.address, a->ai_addr, a->ai_addrlen);
    r.length = a->ai_addrlen;
    out.push_back(r);
  }
  return out;
}
} // namespace

namespace detail {

bool would_block(int error) noexcept { return error == EAGAIN || error == EWOULDBLOCK; }

int set_nonblocking(int fd) noexcept {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return errno;
  if ((flags & O_NONBLOCK) == 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return errno;
  return 0;
}

transfer_step receive_once(event_loop& loop, int fd, char* into, std::size_t want, int flags, bool& not_socket,
                           std::size_t& got, int& error) noexcept {
  for (;;) {
    // recv(MSG_DONTWAIT) never blocks the loop even on a blocking socket; read() serves pipes.
    ssize_t n = not_socket ? ::read(fd, into, want) : ::recv(fd, into, want, flags | MSG_DONTWAIT);
    if (n >= 0) {
      got = static_cast<std::size_t>(n);
      // A socket returns everything it holds, up to the size asked: a shorter read drained it.
      // (Not a read of 0: end of stream stays readable. Not a pipe or file: files never wait.)
      if (!not_socket && n > 0 && got < want) loop.mark_drained(fd, io_direction::read);
      return transfer_step::complete;
    }
    if (errno == EINTR) continue;
    if (errno == ENOTSOCK && !not_socket) {
      not_socket = true;
      continue;
    }
    if (would_block(errno)) {
      loop.mark_drained(fd, io_direction::read);
      return transfer_step::would_block;
    }
    error = errno;
    return transfer_step::failed;
  }
}

transfer_step accept_once(event_loop& loop, int listen_fd, sockaddr* address, socklen_t* length, int flags,
                          bool skip_aborted, bool& prepared, int& accepted, int& error) noexcept {
  if (!prepared) {
    prepared = true;
    if (int e = set_nonblocking(listen_fd); e != 0) {
      error = e;
      return transfer_step::failed;
    }
  }
  for (;;) {
    int fd = ::accept4(listen_fd, address, length, flags);
    if (fd >= 0) {
      loop.forget_fd(fd);
      accepted = fd;
      return transfer_step::complete;
    }
    if (errno == EINTR || (skip_aborted && errno == ECONNABORTED)) continue;
    if (would_block(errno)) {
      loop.mark_drained(listen_fd, io_direction::read);
      return transfer_step::would_block;
    }
    error = errno;
    return transfer_step::failed;
  }
}

transfer_step send_all(int fd, const char* data, std::size_t size, std::size_t& done, int flags, bool& not_socket,
                       int& error) noexcept {
  while (done < size) {
    ssize_t n = not_socket ? ::write(fd, data + done, size - done) : ::send(fd, data + done, size - done, flags | MSG_DONTWAIT);
    if (n >= 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == ENOTSOCK && !not_socket) {
      not_socket = true;
      continue;
    }
    if (would_block(errno)) return transfer_step::would_block;
    error = errno;
    return transfer_step::failed;
  }
  return transfer_step::complete;
}

bool read_awaitable::attempt() noexcept {
  if (!loop_->maybe_ready(fd_, io_direction::read)) return false;
  return receive_once(*loop_, fd_, static_cast<char*>(buffer_), size_, 0, not_socket_, done_, error_) !=
         transfer_step::would_block;
}

bool write_awaitable::attempt() noexcept {
  if (!loop_->maybe_ready(fd_, io_direction::write)) return false;
  if (send_all(fd_, static_cast<const char*>(data_), size_, done_, MSG_NOSIGNAL, not_socket_, error_) !=
      transfer_step::would_block)
    return true;
  loop_->mark_drained(fd_, io_direction::write);
  return false;
}

bool accept_awaitable::attempt() noexcept {
  return accept_once(*loop_, fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC, /*skip_aborted=*/true,
                     nonblocking_checked_, accepted_, error_) != transfer_step::would_block;
}

connect_awaitable::connect_awaitable(int fd, const sockaddr* address, socklen_t length) noexcept
    : io_awaitable(fd, io_direction::write), length_(std::min<socklen_t>(length, sizeof address_)) {
  std::memcpy(&address_, address, length_);
}

bool connect_awaitable::attempt() noexcept {
  if (started_) {
    int error = 0;
    socklen_t size = sizeof error;
    if (getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &size) < 0) error = errno;
    if (error == EINPROGRESS || error == EALREADY) return false;
    error_ = error;
    return true;
  }
  started_ = true;
  loop_->forget_fd(fd_);
  if (int e = set_nonblocking(fd_); e != 0) {
    error_ = e;
    return true;
  }
  while (::connect(fd_, reinterpret_cast<const sockaddr*>(&address_), length_) < 0) {
    if (errno == EINTR) continue;
    if (errno == EINPROGRESS) return false;
    error_ = errno;
    return true;
  }
  return true;
}

} // namespace detail

task<int> async_connect(std::string host, std::uint16_t port) {
  std::vector<resolved> addresses(1);
  if (!parse_numeric(host, port, addresses[0].address, addresses[0].length))
    addresses = co_await to_thread(resolve, host, port);
  std::exception_ptr last_error;
  for (auto& a : addresses) {
    int fd = ::socket(a.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) throw_errno(errno, "concur::async_connect: socket");
    try {
      co_await async_connect(fd, reinterpret_cast<const sockaddr*>(&a.address), a.length);
      co_return fd;
    } catch (const cancelled_error&) {
      close(fd);
      throw;
    } catch (...) {
      last_error = std::current_exception();
    }
    close(fd);
  }
  std::rethrow_exception(last_error);
}

int listen_tcp(const std::string& host, std::uint16_t port, int backlog) {
  sockaddr_storage address{};
  socklen_t length = 0;
  if (!parse_numeric(host, port, address, length)) {
    auto found = resolve(host, port);
    address = found.front().address;
    length = found.front().length;
  }
  int fd = ::socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw_errno(errno, "concur::listen_tcp: socket");
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), length) < 0 || ::listen(fd, backlog) < 0) {
    int error = errno;
    ::close(fd);
    throw_errno(error, "concur::listen_tcp " + host + ":" + std::to_string(port));
  }
  return fd;
}

std::uint16_t local_port(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) < 0) throw_errno(errno, "concur::local_port");
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
}

void close(int fd) noexcept {
  if (event_loop* loop = event_loop::current()) loop->forget_fd(fd);
  ::close(fd);
}

} // namespace concur
