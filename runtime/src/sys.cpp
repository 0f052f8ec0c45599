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
  const int flags = op_ == operation::recv ? flags_ & ~MSG_WAITALL : 0;
  for (;;) {
    const std::size_t already = wait_all ? static_cast<std::size_t>(result_) : 0;
    std::size_t got = 0;
    transfer_step step = receive_once(*loop_, fd_, buffer_ + already, size_ - already, flags, not_socket_, got, error_);
    if (step == transfer_step::would_block) return false;
    result_ = static_cast<ssize_t>(already + got);
    // MSG_WAITALL: keep reading until the size asked, end of stream or a failure.
    if (step == transfer_step::complete && wait_all && got > 0 && static_cast<std::size_t>(result_) < size_) continue;
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
  // As ::accept gives it: blocking mode, no close-on-exec, an aborted connection an error.
  int accepted = -1;
  transfer_step step = accept_once(*loop_, fd_, address_, length_, 0, /*skip_aborted=*/false, nonblocking_checked_,
                                   accepted, error_);
  if (step == transfer_step::would_block) return false;
  result_ = step == transfer_step::complete ? accepted : -1;
  return true;
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
