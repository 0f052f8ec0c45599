// File I/O for coroutines: whole-file reads and writes offloaded to the loop's thread pool
// (epoll cannot wait on regular files; asyncio programs do the same with to_thread).
#pragma once

#include <concur/task.hpp>

#include <string>

namespace concur {

/// The whole content of the file at `path`. Throws std::system_error.
task<std::string> async_read_file(std::string path);

/// Replaces the content of the file at `path` with `data` (created with mode 0666 & ~umask).
/// Throws std::system_error.
task<void> async_write_file(std::string path, std::string data);

} // namespace concur
