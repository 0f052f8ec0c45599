// The non-blocking system calls behind both families of socket awaitables: net.hpp's (which
// throw) and sys.hpp's (which keep the system calls' contract).
#pragma once

#include <cstddef>

namespace concur::detail {

bool would_block(int error) noexcept;

/// Makes `fd` non-blocking: 0, or the errno of the failed fcntl.
int set_nonblocking(int fd) noexcept;

enum class transfer_step { complete, would_block, failed };

/// Writes data[done, size) without blocking (send with `flags` | MSG_DONTWAIT on a socket,
/// write() on anything else, which `not_socket` remembers), advancing `done`. A failure sets
/// `error`.
transfer_step send_all(int fd, const char* data, std::size_t size, std::size_t& done, int flags, bool& not_socket,
                       int& error) noexcept;

} // namespace concur::detail
