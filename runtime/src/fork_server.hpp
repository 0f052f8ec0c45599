// The fork server behind every process_pool: one single-threaded process, forked from the
// caller once, that forks the workers on request and reports how each one ended.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

namespace concur::detail {

class fork_server {
public:
  /// The running server, started on first use. It lives until the program exits; it then sees
  /// its control socket close, kills any worker left and exits.
  static fork_server& instance();
  /// Its pid, or 0 if it has not been started.
  static pid_t started_pid() noexcept;

  /// A new session (the caller's end of a SOCK_SEQPACKET socket): the pool sends spawn
  /// requests on it and receives spawned/exited reports for its own workers.
  int open_session();

  /// Whether the code at `address` was loaded when the server started, so workers have it.
  bool has_code(const void* address) const noexcept;

  pid_t pid() const noexcept { return pid_; }

private:
  fork_server();

  pid_t pid_;
  int control_;
  std::mutex mutex_;
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> code_ranges_;
};

/// The body of a worker process: runs the initializer, then serves requests on `channel` until
/// it closes or `max_tasks` requests (0: no limit) have been answered. Never returns.
[[noreturn]] void run_worker(int channel, std::uint64_t initializer, std::uint64_t max_tasks);

} // namespace concur::detail
