// A process pool's manager thread: it starts workers through the fork server, keeps each worker
// supplied with requests, reads answers, and turns deaths and timeouts into failed futures.
#include <concur/process_pool.hpp>
#include <concur/thread_pool.hpp>

#include "fork_server.hpp"
#include "wire.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace concur {

using detail::remote_request;
namespace wire = detail::wire;
using clock = std::chrono::steady_clock;

namespace {

/// How much queued work a worker may hold beyond the request it runs. Requests sent ahead hide
/// the round trip to the manager (tens of microseconds), which would otherwise dominate short
/// tasks; the budget bounds how unevenly the last requests can fall on the workers, and the
/// byte limit keeps what is sent ahead within the socket's buffer, so that the manager's write
/// never waits on a worker that is itself writing a large answer.
constexpr std::chrono::microseconds pipeline_budget{200};
constexpr std::size_t max_pipeline_depth = 64;
constexpr std::size_t max_pipelined_bytes = 64 * 1024;

std::string describe_end(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* abbrev = sigabbrev_np(sig);
    return "was killed by signal " + std::to_string(sig) + " (SIG" + (abbrev ? abbrev : "?") + ": " + strsignal(sig) + ")";
  }
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "ended (wait status " + std::to_string(status) + ")";
}

void set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

} // namespace

class process_pool::impl {
public:
  explicit impl(options o) : options_(std::move(o)) {
    if (options_.processes == 0) options_.processes = thread_pool::default_size();
    session_ = detail::fork_server::instance().open_session();
    set_nonblocking(session_);
    wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_fd_ < 0) {
      ::close(session_);
      throw std::system_error(errno, std::generic_category(), "concur::process_pool: eventfd");
    }
    manager_ = std::thread([this] { run(); });
  }

  ~impl() {
    shutdown(true, false);
    if (manager_.joinable()) manager_.join();
    ::close(session_);
    ::close(wake_fd_);
  }

  std::size_t size() const noexcept { return options_.processes; }

  void enqueue(std::unique_ptr<remote_request> request) {
    std::unique_lock lock(mutex_);
    if (broken_) {
      auto error = broken_;
      lock.unlock();
      request->fail(error);
      return;
    }
    if (!accepting_) throw std::runtime_error("concur::process_pool: cannot submit new tasks after shutdown");
    queue_.push_back(std::move(request));
    lock.unlock();
    wake();
  }

  void shutdown(bool wait, bool cancel_pending) {
    std::deque<std::unique_ptr<remote_request>> cancelled;
    {
      std::lock_guard lock(mutex_);
      accepting_ = false;
      stopping_ = true;
      if (cancel_pending) cancelled.swap(queue_);
    }
    for (auto& request : cancelled) request->cancel();
    wake();
    if (wait) {
      std::lock_guard lock(join_mutex_);
      if (manager_.joinable() && manager_.get_id() != std::this_thread::get_id()) manager_.join();
    }
  }

  std::vector<int> pids() const {
    std::lock_guard lock(mutex_);
    return pids_;
  }

private:
  struct sent_request {
    std::unique_ptr<remote_request> request;
    std::size_t frame_bytes;
  };

  struct worker {
    worker(pid_t pid, int fd) : pid(pid), fd(fd) {}
    pid_t pid;
    int fd;
    /// Sent and not answered yet, in the order sent: the worker runs the front one.
    std::deque<sent_request> in_flight;
    /// When the front request began, as far as the manager knows (sent, or its predecessor
    /// answered), and when it is due (its timeout).
    clock::time_point front_since{};
    std::optional<clock::time_point> deadline;
    std::size_t sent = 0;
    std::size_t answered = 0;
    bool channel_open = true;
    /// No more requests: it reached max_tasks_per_child, timed out, or the pool is stopping.
    bool retiring = false;
    wire::inbox answers;
  };

  void wake() {
    std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(wake_fd_, &one, sizeof one);
  }

  // Everything below runs on the manager thread only.

  void run() {
    for (;;) {
      dispatch();
      if (stop_when_idle()) break;
      keep_worker_count();
      std::vector<pollfd> fds{{session_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
      std::vector<worker*> polled;
      for (auto& w : workers_)
        if (w->channel_open) {
          fds.push_back({w->fd, POLLIN, 0});
          polled.push_back(w.get());
        }
      if (::poll(fds.data(), fds.size(), poll_timeout()) < 0 && errno != EINTR) break;
      if (fds[1].revents) {
        std::uint64_t count;
        [[maybe_unused]] auto consumed = ::read(wake_fd_, &count, sizeof count);
      }
      for (std::size_t i = 0; i < polled.size(); ++i)
        if (fds[i + 2].revents) read_response(*polled[i]);
      if (fds[0].revents) read_session();
      expire_deadlines();
    }
    for (auto& w : workers_)
      if (w->channel_open) ::close(w->fd);
    for (int fd : spawning_) ::close(fd);
    workers_.clear();
    publish_pids();
  }

  int poll_timeout() const {
    std::optional<clock::time_point> first;
    for (auto& w : workers_)
      if (w->deadline && (!first || *w->deadline < *first)) first = w->deadline;
    if (!first) return -1;
    auto left = std::chrono::ceil<std::chrono::milliseconds>(*first - clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
  }

  std::unique_ptr<remote_request> next_request() {
    if (!resend_.empty()) {
      auto request = std::move(resend_.front());
      resend_.pop_front();
      return request;
    }
    std::lock_guard lock(mutex_);
    while (!queue_.empty()) {
      auto request = std::move(queue_.front());
      queue_.pop_front();
      if (request->start()) return request;
    }
    return nullptr;
  }

  /// Deals the queued requests out one at a time to the workers with room, so that a few
  /// requests spread over the workers rather than queue behind one; each worker's share goes
  /// out in one write.
  void dispatch() {
    std::vector<std::string> frames(workers_.size());
    for (bool dealt = true; dealt;) {
      dealt = false;
      for (std::size_t i = 0; i < workers_.size(); ++i) {
        worker& w = *workers_[i];
        if (!has_room(w)) continue;
        auto request = next_request();
        if (!request) break;
        add_request(w, std::move(request), frames[i]);
        dealt = true;
      }
    }
    for (std::size_t i = 0; i < workers_.size(); ++i) {
      if (frames[i].empty()) continue;
      // A worker that died meanwhile fails this write; its exit report then settles its
      // requests. The channel stays open: what the worker wrote before dying (an initializer
      // failure) is still to be read.
      if (!wire::write_all(workers_[i]->fd, frames[i].data(), frames[i].size())) workers_[i]->retiring = true;
    }
  }

  bool has_room(const worker& w) const {
    if (!w.channel_open || w.retiring) return false;
    if (w.in_flight.empty()) return true;
    return w.in_flight.size() < pipeline_depth() && pipelined_bytes(w) < max_pipelined_bytes;
  }

  /// The bytes of the requests sent to `w` behind the one it runs.
  static std::size_t pipelined_bytes(const worker& w) {
    std::size_t bytes = 0;
    for (auto sent = std::next(w.in_flight.begin()); sent < w.in_flight.end(); ++sent) bytes += sent->frame_bytes;
    return bytes;
  }

  /// One request plus as many as fit in the pipeline budget at the recent time per request. Until
  /// a request has been timed, and for slow ones, a worker holds one: a request that waits in
  /// the manager's queue can still be cancelled or go to whichever worker frees first.
  std::size_t pipeline_depth() const {
    if (!service_estimate_) return 1;
    const auto per_request = std::max(*service_estimate_, clock::duration{1});
    return std::clamp<std::size_t>(1 + pipeline_budget / per_request, 1, max_pipeline_depth);
  }

  void add_request(worker& w, std::unique_ptr<remote_request> request, std::string& frames) {
    wire::request_header header{request->arguments.size(), reinterpret_cast<std::uint64_t>(request->function->entry),
                                request->calls, 0};
    const std::size_t start = frames.size();
    frames.append(reinterpret_cast<const char*>(&header), sizeof header);
    frames += request->arguments;
    const std::size_t bytes = frames.size() - start;
    if (w.in_flight.empty()) begin_front(w, *request, clock::now());
    w.in_flight.push_back({std::move(request), bytes});
    if (options_.max_tasks_per_child != 0 && ++w.sent >= options_.max_tasks_per_child) w.retiring = true;
  }

  void begin_front(worker& w, const remote_request& request, clock::time_point now) {
    w.front_since = now;
    auto timeout = request.timeout ? request.timeout : options_.task_timeout;
    if (timeout) w.deadline = now + *timeout;
    else w.deadline.reset();
  }

  /// Reads what the worker sent and settles every request answered in it.
  void read_response(worker& w) {
    // At end of stream the worker is gone; the fork server's report says how, and fails the
    // request it was running.
    const bool open = w.answers.fill(w.fd, /*wait=*/false);
    wire::response_header header{};
    std::string body;
    while (w.answers.next(header, body)) {
      byte_reader in(body.data(), body.size());
      if (header.what == wire::response_kind::initializer_failed) {
        auto type = in.get<std::string>();
        auto message = in.get<std::string>();
        mark_broken(std::make_exception_ptr(broken_worker("concur::process_pool: the initializer failed in worker " +
                                                          std::to_string(w.pid) + ": " + type + ": " + message)));
        w.retiring = true;
        continue;
      }
      if (w.in_flight.empty()) continue; // failed meanwhile (the pool broke)
      answered(w)->complete(in);
    }
    if (!open) close_channel(w);
  }

  /// Takes the front request off `w` as answered and starts the clock on the next one.
  std::unique_ptr<remote_request> answered(worker& w) {
    const auto now = clock::now();
    const clock::duration took = now - w.front_since;
    service_estimate_ = service_estimate_ ? *service_estimate_ + (took - *service_estimate_) / 8 : took;
    auto request = std::move(w.in_flight.front().request);
    w.in_flight.pop_front();
    ++w.answered;
    if (!w.in_flight.empty()) begin_front(w, *w.in_flight.front().request, now);
    else w.deadline.reset();
    return request;
  }

  /// The requests queued behind the front one of a worker that will not run them go to the
  /// front of the pool's queue, in their order; they were never started.
  void resend_pipelined(worker& w) {
    while (w.in_flight.size() > 1) {
      resend_.push_front(std::move(w.in_flight.back().request));
      w.in_flight.pop_back();
    }
  }

  void read_session() {
    wire::message m{};
    int got;
    while ((got = wire::receive_message(session_, m, nullptr)) == 1) {
      if (m.what == wire::kind::spawned || m.what == wire::kind::spawn_failed) {
        if (spawning_.empty()) continue;
        int fd = spawning_.front();
        spawning_.pop_front();
        if (m.what == wire::kind::spawned) {
          workers_.push_back(std::make_unique<worker>(m.pid, fd));
          publish_pids();
        } else {
          ::close(fd);
          if (workers_.empty())
            mark_broken(std::make_exception_ptr(std::system_error(static_cast<int>(m.value), std::generic_category(),
                                                                  "concur::process_pool: cannot start a worker")));
        }
      } else if (m.what == wire::kind::exited) {
        on_exit(m.pid, static_cast<int>(m.value));
      }
    }
    if (got == 0) mark_broken(std::make_exception_ptr(broken_worker("concur::process_pool: the fork server is gone")));
  }

  void on_exit(pid_t pid, int status) {
    auto found = std::find_if(workers_.begin(), workers_.end(), [&](const auto& w) { return w->pid == pid; });
    if (found == workers_.end()) return;
    worker& w = **found;
    // What it wrote before it ended (results, an initializer failure) counts first.
    if (w.channel_open) read_response(w);
    resend_pipelined(w);
    if (!w.in_flight.empty()) {
      auto request = std::move(w.in_flight.front().request);
      w.in_flight.clear();
      const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
      request->fail(std::make_exception_ptr(broken_worker("concur::process_pool: worker " + std::to_string(pid) + " " +
                                                              describe_end(status) + " while running " + request->function->name,
                                                          sig)));
    } else if (options_.initializer != nullptr && w.answered == 0 && !w.retiring && status != 0) {
      mark_broken(std::make_exception_ptr(
          broken_worker("concur::process_pool: worker " + std::to_string(pid) + " " + describe_end(status) + " while starting")));
    }
    if (w.channel_open) ::close(w.fd);
    workers_.erase(found);
    publish_pids();
  }

  void close_channel(worker& w) {
    if (!w.channel_open) return;
    ::close(w.fd);
    w.channel_open = false;
  }

  void expire_deadlines() {
    const auto now = clock::now();
    for (auto& w : workers_) {
      if (w->in_flight.empty() || !w->deadline || *w->deadline > now) continue;
      ::kill(w->pid, SIGKILL);
      w->deadline.reset();
      w->retiring = true;
      resend_pipelined(*w);
      auto request = std::move(w->in_flight.front().request);
      w->in_flight.clear();
      request->fail(std::make_exception_ptr(timeout_error("concur::process_pool: " + request->function->name +
                                                          " ran past its timeout; its worker " + std::to_string(w->pid) + " was killed")));
    }
  }

  /// Starts workers until the pool has its size again, unless nothing needs them.
  void keep_worker_count() {
    bool needed;
    {
      std::lock_guard lock(mutex_);
      needed = !broken_ && (!stopping_ || !queue_.empty() || !resend_.empty());
    }
    if (!needed) return;
    std::size_t active = spawning_.size();
    for (auto& w : workers_)
      if (w->channel_open && !w->retiring) ++active;
    for (; active < options_.processes; ++active)
      if (!spawn_worker()) return;
  }

  bool spawn_worker() {
    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) < 0) return false;
    wire::message m{};
    m.what = wire::kind::spawn;
    m.initializer = reinterpret_cast<std::uint64_t>(options_.initializer);
    m.max_tasks = options_.max_tasks_per_child;
    const bool sent = wire::send_message(session_, m, sockets[1]);
    ::close(sockets[1]);
    if (!sent) {
      ::close(sockets[0]);
      return false;
    }
    spawning_.push_back(sockets[0]);
    return true;
  }

  /// When stopping with nothing left to run, closes idle workers' channels (they exit on end of
  /// stream) and reports whether every worker has been reaped.
  bool stop_when_idle() {
    {
      std::lock_guard lock(mutex_);
      if (!stopping_ || !queue_.empty() || !resend_.empty()) return false;
    }
    for (auto& w : workers_)
      if (w->in_flight.empty()) {
        w->retiring = true;
        close_channel(*w);
      }
    return workers_.empty() && spawning_.empty();
  }

  void mark_broken(std::exception_ptr error) {
    std::deque<std::unique_ptr<remote_request>> queued;
    {
      std::lock_guard lock(mutex_);
      if (!broken_) broken_ = error;
      queued.swap(queue_);
    }
    for (auto& request : resend_) request->fail(error);
    resend_.clear();
    for (auto& request : queued) request->fail(error);
    for (auto& w : workers_) {
      for (auto& sent : w->in_flight) sent.request->fail(error);
      w->in_flight.clear();
      w->deadline.reset();
    }
  }

  void publish_pids() {
    std::vector<int> pids;
    for (auto& w : workers_) pids.push_back(w->pid);
    std::lock_guard lock(mutex_);
    pids_ = std::move(pids);
  }

  options options_;
  int session_ = -1;
  int wake_fd_ = -1;

  mutable std::mutex mutex_;
  std::deque<std::unique_ptr<remote_request>> queue_;
  bool accepting_ = true;
  bool stopping_ = false;
  std::exception_ptr broken_;
  std::vector<int> pids_;

  std::vector<std::unique_ptr<worker>> workers_;
  std::deque<int> spawning_;
  /// Started requests taken back from a worker that will not run them; sent before the queue.
  std::deque<std::unique_ptr<remote_request>> resend_;
  /// The recent time a worker takes per request (a moving average), once one has been timed.
  std::optional<clock::duration> service_estimate_;
  std::mutex join_mutex_;
  std::thread manager_;
};

process_pool::process_pool() : process_pool(options{}) {}
process_pool::process_pool(std::size_t processes) : process_pool([processes] {
  options opts;
  opts.processes = processes;
  return opts;
}()) {}
process_pool::process_pool(options opts) : impl_(std::make_unique<impl>(std::move(opts))) {}
process_pool::~process_pool() = default;

void process_pool::enqueue(std::unique_ptr<detail::remote_request> request) { impl_->enqueue(std::move(request)); }
void process_pool::shutdown(bool wait, bool cancel_pending) { impl_->shutdown(wait, cancel_pending); }
std::size_t process_pool::max_workers() const noexcept { return impl_->size(); }
std::vector<int> process_pool::worker_pids() const { return impl_->pids(); }
void process_pool::start_fork_server() { detail::fork_server::instance(); }
int process_pool::fork_server_pid() noexcept { return detail::fork_server::started_pid(); }

} // namespace concur
