// Non-blocking TCP on the event loop (≈ asyncio's loop.sock_* functions and streams).
//
//   concur::task<void> handler(int fd) {
//     char buf[512];
//     auto n = co_await concur::async_read(fd, buf, sizeof buf);   // 0 at end of stream
//     co_await concur::async_write(fd, buf, n);                    // writes all n bytes
//     concur::close(fd);
//   }
//   int client = co_await concur::async_accept(listen_fd);
//   int fd = co_await concur::async_connect("127.0.0.1", port);
//
// Guarantees
// - Each operation first tries the system call; it suspends the coroutine (never the thread)
//   only when the descriptor is not ready, and the loop resumes it when it is.
// - Errors throw std::system_error with the errno; a peer that closed the connection gives 0
//   from async_read and std::system_error(EPIPE or ECONNRESET) from async_write (no SIGPIPE).
// - Cancellation while suspended throws cancelled_error; no bytes are consumed by a read that
//   was cancelled before it suspended.
// - One coroutine may read and another write the same descriptor at the same time; two readers
//   (or two writers) of one descriptor at once is a std::logic_error.
// - Close a descriptor the loop has waited on with concur::close(fd) (or let async_accept or
//   async_connect hand its number out again): the loop keeps its epoll registration until then.
#pragma once

#include <concur/event_loop.hpp>
#include <concur/task.hpp>

#include <sys/socket.h>

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <string>
#include <system_error>

namespace concur {

namespace detail {

/// An I/O awaitable: tries its operation in await_suspend and again whenever the loop reports
/// the descriptor ready.
class io_awaitable : public loop_awaitable, private io_waiter {
public:
  io_awaitable(const io_awaitable&) = delete;
  io_awaitable& operator=(const io_awaitable&) = delete;
  bool await_ready() const noexcept { return false; }
  template <class P> bool await_suspend(std::coroutine_handle<P> h) {
    if (!begin(h)) return false;
    if (attempt()) return false;
    loop_->watch(fd_, direction_, *this);
    watching_ = true;
    park();
    return true;
  }

protected:
  io_awaitable(int fd, io_direction d) noexcept : fd_(fd), direction_(d) {}
  ~io_awaitable() {
    if (watching_) loop_->unwatch(fd_, direction_);
  }
  /// Performs the operation without blocking: true once it completed or failed (error_ set).
  virtual bool attempt() noexcept = 0;
  /// In await_resume, after finish(): throws the operation's error, if any.
  void throw_if_failed(const char* what) const {
    if (error_ != 0) throw std::system_error(error_, std::generic_category(), what);
  }

  int fd_;
  io_direction direction_;
  int error_ = 0;

private:
  bool on_ready() noexcept override {
    if (!attempt()) return false;
    watching_ = false;
    wake();
    return true;
  }
  void cancel() noexcept override {
    loop_->unwatch(fd_, direction_);
    watching_ = false;
    loop_->schedule(handle_);
  }
  bool watching_ = false;
};

class read_awaitable final : public io_awaitable {
public:
  read_awaitable(int fd, void* buffer, std::size_t size) noexcept : io_awaitable(fd, io_direction::read), buffer_(buffer), size_(size) {}
  std::size_t await_resume() {
    finish();
    throw_if_failed("concur::async_read");
    return done_;
  }

private:
  bool attempt() noexcept override;
  void* buffer_;
  std::size_t size_;
  std::size_t done_ = 0;
  bool not_socket_ = false;
};

class write_awaitable final : public io_awaitable {
public:
  write_awaitable(int fd, const void* data, std::size_t size) noexcept : io_awaitable(fd, io_direction::write), data_(data), size_(size) {}
  std::size_t await_resume() {
    finish();
    throw_if_failed("concur::async_write");
    return done_;
  }

private:
  bool attempt() noexcept override;
  const void* data_;
  std::size_t size_;
  std::size_t done_ = 0;
  bool not_socket_ = false;
};

class accept_awaitable final : public io_awaitable {
public:
  explicit accept_awaitable(int listen_fd) noexcept : io_awaitable(listen_fd, io_direction::read) {}
  int await_resume() {
    finish();
    throw_if_failed("concur::async_accept");
    return accepted_;
  }

private:
  bool attempt() noexcept override;
  int accepted_ = -1;
  bool nonblocking_checked_ = false;
};

class connect_awaitable final : public io_awaitable {
public:
  connect_awaitable(int fd, const sockaddr* address, socklen_t length) noexcept;
  void await_resume() {
    finish();
    throw_if_failed("concur::async_connect");
  }

private:
  bool attempt() noexcept override;
  sockaddr_storage address_{};
  socklen_t length_;
  bool started_ = false;
};

} // namespace detail

/// Reads up to `size` bytes; yields how many (0 at end of stream).
inline detail::read_awaitable async_read(int fd, void* buffer, std::size_t size) noexcept { return {fd, buffer, size}; }

/// Writes all `size` bytes, suspending whenever the socket buffer is full; yields `size`.
inline detail::write_awaitable async_write(int fd, const void* data, std::size_t size) noexcept { return {fd, data, size}; }

/// Accepts a connection on a listening socket (made non-blocking if it is not); yields the new
/// descriptor, non-blocking and close-on-exec.
inline detail::accept_awaitable async_accept(int listen_fd) noexcept { return detail::accept_awaitable(listen_fd); }

/// Connects the socket `fd` (made non-blocking) to `address`.
inline detail::connect_awaitable async_connect(int fd, const sockaddr* address, socklen_t length) noexcept {
  return {fd, address, length};
}

/// Opens a TCP connection to host:port and yields its descriptor. A numeric address connects at
/// once; a name is resolved with getaddrinfo on the loop's thread pool, and each address is
/// tried in turn.
task<int> async_connect(std::string host, std::uint16_t port);

/// A listening TCP socket (SO_REUSEADDR, non-blocking, close-on-exec) bound to host:port;
/// port 0 picks a free port (see local_port). Blocking set-up: call it before or outside the
/// hot path. Throws std::system_error.
int listen_tcp(const std::string& host, std::uint16_t port, int backlog = SOMAXCONN);

/// The local port a socket is bound to.
std::uint16_t local_port(int fd);

/// Closes `fd` and makes the running loop (if any) forget it.
void close(int fd) noexcept;

} // namespace concur
