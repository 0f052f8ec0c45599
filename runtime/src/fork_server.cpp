// The fork server process and the caller's handle on it.
#include "fork_server.hpp"

#include "wire.hpp"

#include <link.h>
#include <poll.h>
#include <signal.h>
#include <stdio_ext.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <iostream>
#include <map>
#include <system_error>

namespace concur::detail {

namespace {

std::atomic<pid_t> server_pid{0};

/// The executable segments of every loaded object: code a worker can call.
std::vector<std::pair<std::uintptr_t, std::uintptr_t>> loaded_code() {
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> ranges;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) {
        auto& list = *static_cast<std::vector<std::pair<std::uintptr_t, std::uintptr_t>>*>(out);
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const auto& segment = info->dlpi_phdr[i];
          if (segment.p_type == PT_LOAD && (segment.p_flags & PF_X)) {
            const std::uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
            list.emplace_back(begin, begin + segment.p_memsz);
          }
        }
        return 0;
      },
      &ranges);
  return ranges;
}

/// Keeps `keep` as descriptor 3 and closes every other descriptor above 2.
int keep_only(int keep) {
  if (keep != 3) {
    ::dup2(keep, 3);
    ::close(keep);
  }
  ::close_range(4, ~0U, 0);
  return 3;
}

class server_loop {
public:
  explicit server_loop(int control) : control_(control) {}

  [[noreturn]] void run() {
    sigset_t child;
    sigemptyset(&child);
    sigaddset(&child, SIGCHLD);
    sigprocmask(SIG_BLOCK, &child, nullptr);
    signals_ = signalfd(-1, &child, SFD_CLOEXEC | SFD_NONBLOCK);
    for (;;) {
      std::vector<pollfd> fds{{control_, POLLIN, 0}, {signals_, POLLIN, 0}};
      for (int s : sessions_) fds.push_back({s, POLLIN, 0});
      if (::poll(fds.data(), fds.size(), -1) < 0) continue;
      if (fds[1].revents) reap();
      if (fds[0].revents) on_control();
      for (std::size_t i = 2; i < fds.size(); ++i)
        if (fds[i].revents) on_session(fds[i].fd);
    }
  }

private:
  void on_control() {
    wire::message m{};
    int fd = -1;
    int got = wire::receive_message(control_, m, &fd);
    if (got == 0) stop();
    if (got == 1 && m.what == wire::kind::open_session && fd >= 0) sessions_.push_back(fd);
    else if (fd >= 0) ::close(fd);
  }

  void on_session(int session) {
    wire::message m{};
    int fd = -1;
    int got = wire::receive_message(session, m, &fd);
    if (got == 1 && m.what == wire::kind::spawn && fd >= 0) {
      spawn(session, fd, m.initializer, m.max_tasks);
      return;
    }
    if (fd >= 0) ::close(fd);
    if (got == 0) close_session(session);
  }

  void spawn(int session, int channel, std::uint64_t initializer, std::uint64_t max_tasks) {
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
      int fd = keep_only(channel);
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      // The server is single-threaded, so the death signal is tied to it, not to a thread.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(1);
      run_worker(fd, initializer, max_tasks);
    }
    ::close(channel);
    wire::message reply{};
    if (pid < 0) {
      reply.what = wire::kind::spawn_failed;
      reply.value = errno;
    } else {
      owners_[pid] = session;
      reply.what = wire::kind::spawned;
      reply.pid = pid;
    }
    wire::send_message(session, reply);
  }

  /// Collects every worker that ended and tells its pool how.
  void reap() {
    signalfd_siginfo info;
    while (::read(signals_, &info, sizeof info) > 0) {
    }
    int status = 0;
    pid_t pid;
    while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
      auto owner = owners_.find(pid);
      if (owner == owners_.end()) continue;
      const int session = owner->second;
      owners_.erase(owner);
      if (session < 0) continue;
      wire::message report{};
      report.what = wire::kind::exited;
      report.pid = pid;
      report.value = status;
      wire::send_message(session, report);
    }
  }

  /// The pool went away without stopping its workers: they are killed (and reaped later).
  void close_session(int session) {
    for (auto& [pid, owner] : owners_)
      if (owner == session) {
        ::kill(pid, SIGKILL);
        owner = -1;
      }
    std::erase(sessions_, session);
    ::close(session);
  }

  /// The caller exited: no worker may outlive it.
  [[noreturn]] void stop() {
    for (auto& [pid, owner] : owners_) ::kill(pid, SIGKILL);
    while (::waitpid(-1, nullptr, 0) > 0) {
    }
    ::_exit(0);
  }

  int control_;
  int signals_ = -1;
  std::vector<int> sessions_;
  std::map<pid_t, int> owners_;
};

} // namespace

fork_server::fork_server() : code_ranges_(loaded_code()) {
  int sockets[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) < 0)
    throw std::system_error(errno, std::generic_category(), "concur::process_pool: socketpair");
  // Output buffered now would otherwise be written again by every worker.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) {
    int error = errno;
    ::close(sockets[0]);
    ::close(sockets[1]);
    throw std::system_error(error, std::generic_category(), "concur::process_pool: fork");
  }
  if (pid_ == 0) {
    __fpurge(stdout);
    __fpurge(stderr);
    server_loop(keep_only(sockets[1])).run();
  }
  ::close(sockets[1]);
  control_ = sockets[0];
  server_pid.store(pid_);
}

fork_server& fork_server::instance() {
  static fork_server server;
  return server;
}

pid_t fork_server::started_pid() noexcept { return server_pid.load(); }

int fork_server::open_session() {
  int sockets[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) < 0)
    throw std::system_error(errno, std::generic_category(), "concur::process_pool: socketpair");
  wire::message m{};
  m.what = wire::kind::open_session;
  bool sent;
  {
    std::lock_guard lock(mutex_);
    sent = wire::send_message(control_, m, sockets[1]);
  }
  ::close(sockets[1]);
  if (!sent) {
    ::close(sockets[0]);
    throw std::system_error(errno, std::generic_category(), "concur::process_pool: the fork server is gone");
  }
  return sockets[0];
}

bool fork_server::has_code(const void* address) const noexcept {
  const auto a = reinterpret_cast<std::uintptr_t>(address);
  for (const auto& [begin, end] : code_ranges_)
    if (a >= begin && a < end) return true;
  return false;
}

} // namespace concur::detail
