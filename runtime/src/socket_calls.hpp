// The non-blocking system calls behind both families of socket awaitables: net.hpp's (which
// throw) and sys.hpp's (which keep the system calls' contract).
#pragma once

#include <sys/socket.h>

#include <cstddef>

namespace concur {
class event_loop;
}

namespace concur::detail {

bool would_block(int error) noexcept;

/// Makes `fd` non-blocking: 0, or the errno of the failed fcntl.
int set_nonblocking(int fd) noexcept;

enum class transfer_step { complete, would_block, failed };

/// One read without blocking (recv with `flags` | MSG_DONTWAIT on a socket, read() on anything
/// else, which `not_socket` remembers): `got` bytes (0 at end of stream), or a failure in
/// `error`. A socket that gave fewer bytes than asked (or none yet) is marked drained.
transfer_step receive_once(event_loop& loop, int fd, char* into, std::size_t want, int flags, bool& not_socket,
                           std::size_t& got, int& error) noexcept;

/// One accept without blocking, the listening socket made non-blocking first (`prepared`
/// remembers it): the new descriptor in `accepted` (which the loop forgets: its number may be
/// one the loop watched before), or a failure in `error`. `skip_aborted`: a connection the
/// peer reset before it was accepted is skipped, not reported (ECONNABORTED).
transfer_step accept_once(event_loop& loop, int listen_fd, sockaddr* address, socklen_t* length, int flags,
                          bool skip_aborted, bool& prepared, int& accepted, int& error) noexcept;

/// Writes data[done, size) without blocking (send with `flags` | MSG_DONTWAIT on a socket,
/// write() on anything else, which `not_socket` remembers), advancing `done`. A failure sets
/// `error`.
transfer_step send_all(int fd, const char* data, std::size_t size, std::size_t& done, int flags, bool& not_socket,
                       int& error) noexcept;

} // namespace concur::detail
