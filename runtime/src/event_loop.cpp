// The event loop: ready queue, timers, epoll, and the queue of functions posted from other threads.
#include <concur/event_loop.hpp>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <system_error>

namespace concur {

namespace {
thread_local event_loop* running_loop = nullptr;

[[noreturn]] void throw_errno(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

void run_posted(detail::unique_function<void()>& fn) noexcept {
  try {
    fn();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "concur: exception in a function posted to an event loop: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "concur: unknown exception in a function posted to an event loop\n");
  }
}
} // namespace

struct event_loop::impl {
  struct fd_record {
    detail::io_waiter* reader = nullptr;
    detail::io_waiter* writer = nullptr;
    bool registered = false;
    bool readable = true;
    bool writable = true;
    /// The peer hung up (or the socket failed): end of stream stays readable, with no further
    /// edge to report it, so reads must keep trying.
    bool hung_up = false;
  };

  int epoll_fd = -1;
  std::deque<std::coroutine_handle<>> ready;
  std::multimap<std::chrono::steady_clock::time_point, detail::timer_node*> timers;
  std::vector<fd_record> fds;
  std::vector<epoll_event> events = std::vector<epoll_event>(64);
  detail::spawned_base* live = nullptr;
  std::unique_ptr<thread_pool> pool;
  bool stop_requested = false;

  fd_record& record(int fd) {
    const auto index = static_cast<std::size_t>(fd);
    if (index >= fds.size()) fds.resize(std::max(index + 1, fds.size() * 2));
    return fds[index];
  }
};

event_loop::event_loop() : impl_(std::make_unique<impl>()), remote_(std::make_shared<detail::remote_queue>()) {
  impl_->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  if (impl_->epoll_fd < 0) throw_errno("epoll_create1");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = remote_->fd();
  if (epoll_ctl(impl_->epoll_fd, EPOLL_CTL_ADD, remote_->fd(), &ev) < 0) {
    ::close(impl_->epoll_fd);
    throw_errno("epoll_ctl");
  }
}

event_loop::~event_loop() {
  if (impl_->live != nullptr) {
    try {
      cancel_all_tasks();
    } catch (...) {
      // Destroyed while its thread runs another loop: the frames are destroyed below instead.
    }
  }
  // Tasks that survived cancellation (or could not be run) are destroyed in place; their
  // awaitables deregister themselves while their frames unwind.
  while (detail::spawned_base* s = impl_->live) {
    detach(*s);
    s->loop_ = nullptr;
    auto driver = s->driver_;
    s->abandon();
    driver.destroy();
  }
  impl_->pool.reset();
  remote_->close();
  ::close(impl_->epoll_fd);
}

event_loop* event_loop::current() noexcept { return running_loop; }

void event_loop::enter() {
  if (running_loop != nullptr) throw std::logic_error("concur: an event loop is already running on this thread");
  running_loop = this;
}
void event_loop::leave() noexcept { running_loop = nullptr; }

void event_loop::run_forever() {
  impl_->stop_requested = false;
  run_until([&] { return impl_->stop_requested; });
}

void event_loop::stop() {
  post([this] { impl_->stop_requested = true; });
}

void event_loop::post(detail::unique_function<void()> fn) { remote_->push(std::move(fn)); }

thread_pool& event_loop::executor() {
  if (!impl_->pool) impl_->pool = std::make_unique<thread_pool>(std::min<std::size_t>(32, thread_pool::default_size() + 4));
  return *impl_->pool;
}

void event_loop::cancel_all_tasks() {
  // Checked every round, so tasks spawned while others unwind are cancelled too.
  run_until([&] {
    for (detail::spawned_base* s = impl_->live; s != nullptr; s = s->next_)
      if (!s->context_.cancel_requested()) s->context_.request_cancel();
    return impl_->live == nullptr;
  });
}

void event_loop::schedule(std::coroutine_handle<> h) { impl_->ready.push_back(h); }

void event_loop::add_timer(detail::timer_node& t, std::chrono::steady_clock::time_point when) {
  t.position_ = impl_->timers.emplace(when, &t);
  t.armed_ = true;
}

void event_loop::remove_timer(detail::timer_node& t) noexcept {
  if (!t.armed_) return;
  impl_->timers.erase(t.position_);
  t.armed_ = false;
}

void event_loop::watch(int fd, detail::io_direction d, detail::io_waiter& w) {
  auto& r = impl_->record(fd);
  detail::io_waiter*& slot = d == detail::io_direction::read ? r.reader : r.writer;
  if (slot != nullptr && slot != &w)
    throw std::logic_error("concur: two coroutines wait on the same descriptor in the same direction");
  if (!r.registered) {
    // Registered once, edge-triggered, for both directions: waiting again costs no syscall.
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    ev.data.fd = fd;
    if (epoll_ctl(impl_->epoll_fd, EPOLL_CTL_ADD, fd, &ev) < 0 && errno != EEXIST) throw_errno("epoll_ctl");
    r.registered = true;
  }
  slot = &w;
}

void event_loop::unwatch(int fd, detail::io_direction d) noexcept {
  if (fd < 0 || static_cast<std::size_t>(fd) >= impl_->fds.size()) return;
  auto& r = impl_->fds[static_cast<std::size_t>(fd)];
  (d == detail::io_direction::read ? r.reader : r.writer) = nullptr;
}

bool event_loop::maybe_ready(int fd, detail::io_direction d) const noexcept {
  if (fd < 0 || static_cast<std::size_t>(fd) >= impl_->fds.size()) return true;
  const auto& r = impl_->fds[static_cast<std::size_t>(fd)];
  return d == detail::io_direction::read ? r.readable : r.writable;
}

void event_loop::mark_drained(int fd, detail::io_direction d) noexcept {
  if (fd < 0) return;
  auto& r = impl_->record(fd);
  if (d == detail::io_direction::read && !r.hung_up) r.readable = false;
  if (d == detail::io_direction::write) r.writable = false;
}

void event_loop::forget_fd(int fd) noexcept {
  if (fd < 0 || static_cast<std::size_t>(fd) >= impl_->fds.size()) return;
  auto& r = impl_->fds[static_cast<std::size_t>(fd)];
  if (r.registered) epoll_ctl(impl_->epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
  r = {};
}

void event_loop::run_ready() {
  // Only what is ready now: coroutines scheduled meanwhile wait for the next round, so a busy
  // coroutine cannot starve I/O and timers.
  for (std::size_t n = impl_->ready.size(); n > 0 && !impl_->ready.empty(); --n) {
    auto h = impl_->ready.front();
    impl_->ready.pop_front();
    h.resume();
  }
}

void event_loop::poll() {
  timespec timeout{};
  timespec* wait = &timeout;
  if (impl_->ready.empty()) {
    if (impl_->timers.empty()) {
      wait = nullptr;
    } else {
      auto left = impl_->timers.begin()->first - std::chrono::steady_clock::now();
      if (left > left.zero()) {
        auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
        timeout.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
        timeout.tv_nsec = static_cast<long>(ns % 1'000'000'000);
      }
    }
  }
  int n = epoll_pwait2(impl_->epoll_fd, impl_->events.data(), static_cast<int>(impl_->events.size()), wait, nullptr);
  if (n < 0) {
    if (errno != EINTR) throw_errno("epoll_pwait2");
    n = 0;
  }
  for (int i = 0; i < n; ++i) {
    const int fd = impl_->events[static_cast<std::size_t>(i)].data.fd;
    const auto events = impl_->events[static_cast<std::size_t>(i)].events;
    if (fd == remote_->fd()) {
      for (auto& fn : remote_->take_all()) run_posted(fn);
      continue;
    }
    if (static_cast<std::size_t>(fd) >= impl_->fds.size()) continue;
    const bool failed = events & (EPOLLERR | EPOLLHUP);
    // Recorded even with nobody waiting: the next operation then knows to try its system call.
    if (failed || (events & EPOLLRDHUP)) impl_->fds[static_cast<std::size_t>(fd)].hung_up = true;
    if (failed || (events & (EPOLLIN | EPOLLRDHUP))) impl_->fds[static_cast<std::size_t>(fd)].readable = true;
    if (failed || (events & EPOLLOUT)) impl_->fds[static_cast<std::size_t>(fd)].writable = true;
    // Re-indexed after each call: on_ready() may register new descriptors (accept).
    if (detail::io_waiter* w = impl_->fds[static_cast<std::size_t>(fd)].reader; w && (failed || (events & (EPOLLIN | EPOLLRDHUP))))
      if (w->on_ready()) impl_->fds[static_cast<std::size_t>(fd)].reader = nullptr;
    if (detail::io_waiter* w = impl_->fds[static_cast<std::size_t>(fd)].writer; w && (failed || (events & EPOLLOUT)))
      if (w->on_ready()) impl_->fds[static_cast<std::size_t>(fd)].writer = nullptr;
  }
  if (static_cast<std::size_t>(n) == impl_->events.size() && impl_->events.size() < 4096) impl_->events.resize(impl_->events.size() * 2);

  const auto now = std::chrono::steady_clock::now();
  while (!impl_->timers.empty() && impl_->timers.begin()->first <= now) {
    detail::timer_node* t = impl_->timers.begin()->second;
    impl_->timers.erase(impl_->timers.begin());
    t->armed_ = false;
    t->on_timer();
  }
}

void event_loop::attach(detail::spawned_base& s) {
  s.next_ = impl_->live;
  if (impl_->live) impl_->live->prev_ = &s;
  impl_->live = &s;
  schedule(s.driver_);
}

void event_loop::detach(detail::spawned_base& s) noexcept {
  if (s.prev_) s.prev_->next_ = s.next_;
  else if (impl_->live == &s) impl_->live = s.next_;
  if (s.next_) s.next_->prev_ = s.prev_;
  s.prev_ = s.next_ = nullptr;
}

namespace detail {

remote_queue::remote_queue() : fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (fd_ < 0) throw_errno("eventfd");
}
remote_queue::~remote_queue() { ::close(fd_); }

bool remote_queue::push(unique_function<void()> fn) {
  std::lock_guard lock(mutex_);
  if (closed_) return false;
  items_.push_back(std::move(fn));
  if (!signalled_) {
    // One wake-up per batch: the loop drains everything it finds.
    signalled_ = true;
    std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(fd_, &one, sizeof one);
  }
  return true;
}

std::vector<unique_function<void()>> remote_queue::take_all() {
  std::vector<unique_function<void()>> out;
  std::lock_guard lock(mutex_);
  std::uint64_t count;
  [[maybe_unused]] auto consumed = ::read(fd_, &count, sizeof count);
  signalled_ = false;
  out.swap(items_);
  return out;
}

void remote_queue::close() {
  std::vector<unique_function<void()>> dropped;
  std::lock_guard lock(mutex_);
  closed_ = true;
  dropped.swap(items_);
}

void fire_future_link(future_link& link) noexcept {
  if (link.fired) return;
  link.fired = true;
  if (link.context) link.context->clear_suspension(link.waiter);
  link.loop->schedule(link.handle);
}

void future_done_for_loop(const ref_ptr<future_link>& link, const std::shared_ptr<remote_queue>& remote) {
  if (event_loop::current() == link->loop) fire_future_link(*link);
  else remote->push([link] { fire_future_link(*link); });
}

void report_unobserved_task_exception(const std::exception_ptr& e) noexcept {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    std::fprintf(stderr, "concur: exception of a spawned task was never retrieved: %s\n", ex.what());
  } catch (...) {
    std::fprintf(stderr, "concur: exception of a spawned task was never retrieved\n");
  }
}

} // namespace detail
} // namespace concur
