// The system calls behind concur::sys's awaitables: each tries the call without blocking and
// reports "not yet" where the blocking call would have waited.
#include <concur/sys.hpp>

#include "socket_calls.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace concur {

namespace detail {

bool sys_transfer::attempt() noexcept {
  if (!loop_->maybe_ready(fd_, direction_)) return false;
  return direction_ == io_direction::read ? attempt_read() : attempt_write();
}

bool sys_transfer::attempt_read() noexcept {
  const bool wait_all = op_ == operation::recv && (flags_ & MSG_WAITALL) != 0;
  const int flags = op_ == operation::recv ? (flags_ & ~MSG_WAITALL) | MSG_DONTWAIT : MSG_DONTWAIT;
  for (;;) {
    const std::size_t want = wait_all ? size_ - static_cast<std::size_t>(result_) : size_;
    char* into = wait_all ? buffer_ + result_ : buffer_;
    // recv(MSG_DONTWAIT) never blocks the loop, whatever the socket's mode; read() serves the rest.
    ssize_t n = not_socket_ ? ::read(fd_, into, want) : ::recv(fd_, into, want, flags);
    if (n > 0 && wait_all) {
      result_ += n;
      if (static_cast<std::size_t>(result_) < size_) continue;
      return true;
    }
    if (n >= 0) {
      if (!wait_all) result_ = n;
      // A socket hands over all it holds, up to the size asked: a shorter read drained it.
      if (!not_socket_ && n > 0 && static_cast<std::size_t>(n) < want) loop_->mark_drained(fd_, io_direction::read);
      return true;
    }
    if (errno == EINTR) continue;
    if (errno == ENOTSOCK && !not_socket_) {
      not_socket_ = true;
      continue;
    }
    if (would_block(errno)) {
      loop_->mark_drained(fd_, io_direction::read);
      return false;
    }
    error_ = errno;
    return true;
  }
}

bool sys_transfer::attempt_write() noexcept {
  // write() on a socket is send() without flags: a closed peer raises SIGPIPE as it did.
  std::size_t done = static_cast<std::size_t>(result_);
  transfer_step step = send_all(fd_, buffer_, size_, done, op_ == operation::send ? flags_ : 0, not_socket_, error_);
  result_ = static_cast<ssize_t>(done);
  if (step != transfer_step::would_block) return true;
  loop_->mark_drained(fd_, io_direction::write);
  return false;
}

bool sys_accept::attempt() noexcept {
  if (!nonblocking_checked_) {
    nonblocking_checked_ = true;
    if (int e = set_nonblocking(fd_); e != 0) {
      error_ = e;
      return true;
    }
  }
  for (;;) {
    int fd = ::accept4(fd_, address_, length_, 0);
    if (fd >= 0) {
      // The new descriptor may reuse the number of one the loop watched before it was closed.
      loop_->forget_fd(fd);
      result_ = fd;
      return true;
    }
    if (errno == EINTR) continue;
    if (would_block(errno)) {
      loop_->mark_drained(fd_, io_direction::read);
      return false;
    }
    error_ = errno;
    return true;
  }
}

bool sys_connect::attempt() noexcept {
  if (started_) {
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &size) < 0) error = errno;
    if (error == EINPROGRESS || error == EALREADY) return false;
    error_ = error;
    result_ = error == 0 ? 0 : -1;
    return true;
  }
  started_ = true;
  loop_->forget_fd(fd_);
  if (int e = set_nonblocking(fd_); e != 0) {
    error_ = e;
    result_ = -1;
    return true;
  }
  while (::connect(fd_, address_, length_) < 0) {
    if (errno == EINTR) continue;
    if (errno == EINPROGRESS) return false;
    error_ = errno;
    result_ = -1;
    return true;
  }
  return true;
}

} // namespace detail

task<unsigned> sys::sleep(unsigned seconds) {
  co_await sleep_for(std::chrono::seconds(seconds));
  co_return 0;
}

task<int> sys::usleep(useconds_t microseconds) {
  co_await sleep_for(std::chrono::microseconds(microseconds));
  co_return 0;
}

int sys::close(int fd) noexcept {
  if (event_loop* loop = event_loop::current()) loop->forget_fd(fd);
  return ::close(fd);
}

} // namespace concur
