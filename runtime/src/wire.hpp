// The messages between the caller's process, the fork server and the workers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace concur::detail::wire {

/// Fork server messages (SOCK_SEQPACKET: one message per packet, descriptors as SCM_RIGHTS).
enum class kind : std::uint32_t {
  open_session = 1, // caller -> server, carries the session socket
  spawn = 2,        // caller -> server (on a session), carries the worker's channel
  spawned = 3,      // server -> caller: value = pid
  spawn_failed = 4, // server -> caller: value = errno
  exited = 5,       // server -> caller: pid exited, value = wait status
};

struct message {
  kind what;
  std::int32_t pid;
  std::int64_t value;
  std::uint64_t initializer;
  std::uint64_t max_tasks;
};

/// Sends `m`, with `fd` attached unless it is -1. False on error.
bool send_message(int socket, const message& m, int fd = -1) noexcept;
/// Receives one message; `*fd` gets an attached descriptor or -1. 0 at end of stream, -1 when
/// nothing is available (non-blocking socket) or on error, 1 on success.
int receive_message(int socket, message& m, int* fd) noexcept;

/// Worker channel frames (SOCK_STREAM). A request: header then, per call, a size and the
/// encoded arguments. A response: header then, per call, an ok byte, a size and the encoded
/// result (or, when not ok, the exception's type name and message as two strings).
struct request_header {
  std::uint64_t body_size;
  std::uint64_t entry;
  std::uint32_t calls;
  std::uint32_t reserved;
};

enum class response_kind : std::uint32_t { results = 1, initializer_failed = 2 };

struct response_header {
  std::uint64_t body_size;
  std::uint32_t calls;
  response_kind what;
};

bool write_all(int fd, const void* data, std::size_t size) noexcept;

/// Frames arriving on a stream socket, read in large pieces: when requests or responses come
/// back to back, one read brings several, so a frame costs no system call of its own.
class inbox {
public:
  /// Appends what the socket has: waits for at least one byte when `wait`, else takes only what
  /// is there now. False at end of stream or on an error (frames read before it stay readable).
  bool fill(int fd, bool wait);

  /// Takes the next whole frame (a header whose first field is the body's size, then the body).
  template <class Header> bool next(Header& header, std::string& body) {
    const std::size_t available = data_.size() - start_;
    if (available < sizeof header) return false;
    std::memcpy(&header, data_.data() + start_, sizeof header);
    if (available - sizeof header < header.body_size) return false;
    body.assign(data_, start_ + sizeof header, header.body_size);
    start_ += sizeof header + header.body_size;
    return true;
  }

private:
  std::string data_;
  std::size_t start_ = 0; // data_ before it has been taken
};

} // namespace concur::detail::wire
