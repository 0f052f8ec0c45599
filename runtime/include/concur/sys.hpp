// The blocking POSIX socket calls, awaitable on the event loop, with the system calls' own
// contract. concur's coroutine rewrite of a thread per connection turns `recv(fd, …)` into
// `co_await concur::sys::recv(fd, …)` and leaves the code around it, error checks included,
// as it was.
//
//   ssize_t n = co_await concur::sys::recv(fd, buf, sizeof buf, 0);  // -1 and errno on failure
//   if (n <= 0) break;
//   co_await concur::sys::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
//   int client = co_await concur::sys::accept(listen_fd, nullptr, nullptr);
//   concur::sys::close(client);
//
// Guarantees
// - Each call gives what the system call gives on a blocking descriptor: the same result, -1
//   with errno set on failure (nothing is thrown for it), the caller's flags honoured. Where the
//   system call would block, the coroutine suspends instead and the loop's thread runs others.
// - send and write return once every byte is written, as they do on a blocking socket; a
//   failure after some bytes went out gives that count, as Linux's send does. Without
//   MSG_NOSIGNAL in the flags, a write to a closed peer raises SIGPIPE, as it would have.
// - recv with MSG_WAITALL waits for `size` bytes, end of stream or an error.
// - accept makes the listening socket non-blocking (the loop waits for it instead) and yields
//   the new connection as ::accept does: blocking mode, no close-on-exec; these calls do not
//   need it non-blocking (they never block the loop on a socket).
// - read and write on something that is not a socket (a pipe, a file) perform the plain call,
//   which may block the loop's thread as it blocked the original thread.
// - Close a descriptor used here with sys::close (or concur::close): the loop forgets it.
// - sleep and usleep wait on the loop's timers and yield 0, as the calls do when no signal
//   interrupts them.
// - Cancellation while suspended throws cancelled_error, as every loop awaitable does.
#pragma once

#include <concur/net.hpp>

#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace concur {

namespace detail {

/// An awaitable system call: the result, or -1 with errno set once the coroutine resumes.
class sys_call : public io_awaitable {
public:
  ssize_t await_resume() {
    finish();
    if (error_ != 0 && result_ <= 0) {
      errno = error_;
      return -1;
    }
    return result_;
  }

protected:
  using io_awaitable::io_awaitable;
  ssize_t result_ = 0;
};

/// recv, send, read and write.
class sys_transfer final : public sys_call {
public:
  enum class operation { recv, send, read, write };
  sys_transfer(operation op, int fd, void* buffer, std::size_t size, int flags) noexcept
      : sys_call(fd, op == operation::recv || op == operation::read ? io_direction::read : io_direction::write),
        op_(op), buffer_(static_cast<char*>(buffer)), size_(size), flags_(flags) {}

private:
  bool attempt() noexcept override;
  bool attempt_read() noexcept;
  bool attempt_write() noexcept;
  operation op_;
  char* buffer_;
  std::size_t size_;
  int flags_;
  bool not_socket_ = false;
};

class sys_accept final : public sys_call {
public:
  sys_accept(int listen_fd, sockaddr* address, socklen_t* length) noexcept
      : sys_call(listen_fd, io_direction::read), address_(address), length_(length) {}
  int await_resume() { return static_cast<int>(sys_call::await_resume()); }

private:
  bool attempt() noexcept override;
  sockaddr* address_;
  socklen_t* length_;
  bool nonblocking_checked_ = false;
};

class sys_connect final : public sys_call {
public:
  sys_connect(int fd, const sockaddr* address, socklen_t length) noexcept
      : sys_call(fd, io_direction::write), address_(address), length_(length) {}
  int await_resume() { return static_cast<int>(sys_call::await_resume()); }

private:
  bool attempt() noexcept override;
  const sockaddr* address_;
  socklen_t length_;
  bool started_ = false;
};

} // namespace detail

namespace sys {

inline detail::sys_transfer recv(int fd, void* buffer, std::size_t size, int flags) noexcept {
  return {detail::sys_transfer::operation::recv, fd, buffer, size, flags};
}
inline detail::sys_transfer send(int fd, const void* data, std::size_t size, int flags) noexcept {
  return {detail::sys_transfer::operation::send, fd, const_cast<void*>(data), size, flags};
}
inline detail::sys_transfer read(int fd, void* buffer, std::size_t size) noexcept {
  return {detail::sys_transfer::operation::read, fd, buffer, size, 0};
}
inline detail::sys_transfer write(int fd, const void* data, std::size_t size) noexcept {
  return {detail::sys_transfer::operation::write, fd, const_cast<void*>(data), size, 0};
}
inline detail::sys_accept accept(int listen_fd, sockaddr* address, socklen_t* length) noexcept {
  return {listen_fd, address, length};
}
/// Connects `fd` (made non-blocking, as the loop waits for the connection).
inline detail::sys_connect connect(int fd, const sockaddr* address, socklen_t length) noexcept {
  return {fd, address, length};
}
/// ::close, after the running loop (if any) forgets `fd`.
int close(int fd) noexcept;
/// ::sleep on the loop's timers: the coroutine sleeps, the thread runs others; yields 0.
task<unsigned> sleep(unsigned seconds);
/// ::usleep on the loop's timers; yields 0.
task<int> usleep(useconds_t microseconds);

} // namespace sys

} // namespace concur
