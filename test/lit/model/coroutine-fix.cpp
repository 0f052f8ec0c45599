// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// A second --fix finds nothing left to change.
// RUN: cp %t.cpp %t.again.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.again.cpp -- -std=c++20 -I%concur_source/runtime/include
// RUN: diff %t.cpp %t.again.cpp
#include <cstdio>
#include <mutex>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>
// CHECK-FIXES: #include <vector>
// CHECK-FIXES-NEXT: #include <concur/event_loop.hpp>
// CHECK-FIXES-NEXT: #include <concur/sys.hpp>
// CHECK-FIXES-NEXT: #include <concur/task_group.hpp>

static void echo(int fd) {
  char buf[256];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
    send(fd, buf, static_cast<size_t>(n), MSG_NOSIGNAL);
  fprintf(stderr, "closing %d\n", fd); // the terminal does not count as blocking
  close(fd);
}

// Detached threads: the tasks go to a task_group that the coroutine joins at the end; the
// accept loop runs on an event loop; the error checks stay as they were.
void serve_detached(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    if (fd < 0) break; // the listener was closed
    std::thread(echo, fd).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'echo'{{.*}}use coroutines on concur::event_loop{{.*}}[concur-model-thread-per-connection]

// A helper that blocks on the connection becomes a coroutine too; a postfix use of its
// result gets parentheses.
static std::string read_line(int fd) {
  std::string line;
  char c;
  while (read(fd, &c, 1) == 1 && c != '\n')
    line += c;
  return line;
}

static void greet(int fd) {
  std::size_t length = read_line(fd).size();
  std::string reply = "length " + std::to_string(length) + "\n";
  write(fd, reply.data(), reply.size());
  close(fd);
}

// Threads kept in a vector and joined right after the loop: futures awaited in their place.
void serve_joined(int listener, int clients) {
  std::vector<std::thread> handlers;
  handlers.reserve(static_cast<std::size_t>(clients));
  for (int i = 0; i < clients; ++i) {
    int fd = accept(listener, nullptr, nullptr);
    if (fd < 0)
      break;
    handlers.emplace_back(greet, fd);
  }
  for (auto &h : handlers)
    if (h.joinable())
      h.join();
}
// CHECK-MESSAGES: :[[@LINE-6]]:5: warning: threads (one per connection) run io-bound 'greet'{{.*}}[concur-model-thread-per-connection]

static void count_bytes(int fd, int id) {
  char buf[64];
  std::size_t total = 0;
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
    total += static_cast<std::size_t>(n);
  std::string reply = std::to_string(id) + ":" + std::to_string(total);
  send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
  close(fd);
}

// jthreads joined where their vector goes out of scope; a lambda that only forwards copies.
void serve_jthreads(int listener) {
  std::vector<std::jthread> sessions;
  for (int id = 0; id < 4; ++id) {
    int fd = accept(listener, nullptr, nullptr);
    sessions.push_back(std::jthread([fd, id] { count_bytes(fd, id); }));
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:24: warning: threads (one per connection) run io-bound 'serve_jthreads::(lambda)'{{.*}}[concur-model-thread-per-connection]

static void shout(int fd) {
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  if (n > 0)
    send(fd, buf, static_cast<size_t>(n), 0);
  close(fd);
}

// A named thread detached on the next line: the declaration becomes the spawn, the detach goes.
void serve_named(int listener) {
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    if (client < 0)
      continue;
    std::thread worker(shout, client);
    worker.detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-4]]:17: warning: threads (one per connection) run io-bound 'shout'{{.*}}[concur-model-thread-per-connection]

struct Server {
  static void session(int fd);
};
std::mutex stats_mu;
int served = 0;

// A static member handler; a lock held only where nothing suspends stays; usleep is awaited.
void Server::session(int fd) {
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf);
  usleep(1000);
  {
    std::lock_guard<std::mutex> guard(stats_mu);
    ++served;
  }
  if (n > 0)
    write(fd, buf, static_cast<size_t>(n));
  close(fd);
}

// Joined by index.
void serve_indexed(int listener) {
  std::vector<std::thread> pool;
  for (int i = 0; i < 8; ++i) {
    int fd = accept(listener, nullptr, nullptr);
    pool.push_back(std::thread(&Server::session, fd));
  }
  for (size_t i = 0; i < pool.size(); ++i)
    if (pool[i].joinable())
      pool[i].join();
}
// CHECK-MESSAGES: :[[@LINE-6]]:20: warning: threads (one per connection) run io-bound 'Server::session'{{.*}}[concur-model-thread-per-connection]

// A function object run per connection: its call operator becomes a member coroutine, awaited on
// a copy that the spawned coroutine's frame keeps.
class Reporter {
public:
  explicit Reporter(int fd) : fd_(fd) {}
  void operator()() const {
    const char text[] = "report\n";
    write(fd_, text, sizeof text - 1);
    close(fd_);
  }

private:
  int fd_;
};

void serve_functor(int listener) {
  std::vector<std::jthread> reporters;
  for (int i = 0; i < 3; ++i) {
    int fd = accept(listener, nullptr, nullptr);
    reporters.emplace_back(Reporter(fd));
  }
  for (auto &r : reporters)
    r.join();
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: threads (one per connection) run io-bound 'Reporter::operator()'{{.*}}[concur-model-thread-per-connection]

// CHECK-FIXES: static concur::task<void> echo(int fd) {
// CHECK-FIXES-NEXT: char buf[256];
// CHECK-FIXES-NEXT: ssize_t n;
// CHECK-FIXES-NEXT: while ((n = co_await concur::sys::recv(fd, buf, sizeof buf, 0)) > 0)
// CHECK-FIXES-NEXT: co_await concur::sys::send(fd, buf, static_cast<size_t>(n), MSG_NOSIGNAL);
// CHECK-FIXES-NEXT: fprintf(stderr, "closing %d\n", fd); // the terminal does not count as blocking
// CHECK-FIXES-NEXT: concur::sys::close(fd);
// CHECK-FIXES: void serve_detached(int listener) {
// CHECK-FIXES-NEXT: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: concur::task_group connections;
// CHECK-FIXES-NEXT: for (;;) {
// CHECK-FIXES-NEXT: int fd = co_await concur::sys::accept(listener, nullptr, nullptr);
// CHECK-FIXES-NEXT: if (fd < 0) break; // the listener was closed
// CHECK-FIXES-NEXT: connections.spawn(echo(fd));
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await connections.join();
// CHECK-FIXES-NEXT: }());
// CHECK-FIXES: static concur::task<std::string> read_line(int fd) {
// CHECK-FIXES: while (co_await concur::sys::read(fd, &c, 1) == 1 && c != '\n')
// CHECK-FIXES: co_return line;
// CHECK-FIXES: static concur::task<void> greet(int fd) {
// CHECK-FIXES-NEXT: std::size_t length = (co_await read_line(fd)).size();
// CHECK-FIXES: co_await concur::sys::write(fd, reply.data(), reply.size());
// CHECK-FIXES: std::vector<concur::future<void>> handlers;
// CHECK-FIXES-NEXT: handlers.reserve(static_cast<std::size_t>(clients));
// CHECK-FIXES-NEXT: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: for (int i = 0; i < clients; ++i) {
// CHECK-FIXES-NEXT: int fd = co_await concur::sys::accept(listener, nullptr, nullptr);
// CHECK-FIXES-NEXT: if (fd < 0)
// CHECK-FIXES-NEXT: break;
// CHECK-FIXES-NEXT: handlers.push_back(concur::spawn(greet(fd)));
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: for (auto &h : handlers)
// CHECK-FIXES-NEXT: if (h.valid())
// CHECK-FIXES-NEXT: co_await h;
// CHECK-FIXES-NEXT: }());
// CHECK-FIXES: std::vector<concur::future<void>> sessions;
// CHECK-FIXES-NEXT: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: for (int id = 0; id < 4; ++id) {
// CHECK-FIXES-NEXT: int fd = co_await concur::sys::accept(listener, nullptr, nullptr);
// CHECK-FIXES-NEXT: sessions.push_back(concur::spawn(count_bytes(fd, id)));
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: for (auto &connection : sessions)
// CHECK-FIXES-NEXT: co_await connection;
// CHECK-FIXES-NEXT: }());
// CHECK-FIXES: void serve_named(int listener) {
// CHECK-FIXES-NEXT: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: concur::task_group connections;
// CHECK-FIXES-NEXT: while (true) {
// CHECK-FIXES-NEXT: int client = co_await concur::sys::accept(listener, nullptr, nullptr);
// CHECK-FIXES-NEXT: if (client < 0)
// CHECK-FIXES-NEXT: continue;
// CHECK-FIXES-NEXT: connections.spawn(shout(client));
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await connections.join();
// CHECK-FIXES-NEXT: }());
// CHECK-FIXES: static concur::task<void> session(int fd);
// CHECK-FIXES: concur::task<void> Server::session(int fd) {
// CHECK-FIXES-NEXT: char buf[64];
// CHECK-FIXES-NEXT: ssize_t n = co_await concur::sys::read(fd, buf, sizeof buf);
// CHECK-FIXES-NEXT: co_await concur::sys::usleep(1000);
// CHECK-FIXES-NEXT: {
// CHECK-FIXES-NEXT: std::lock_guard<std::mutex> guard(stats_mu);
// CHECK-FIXES: std::vector<concur::future<void>> pool;
// CHECK-FIXES-NEXT: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: for (int i = 0; i < 8; ++i) {
// CHECK-FIXES-NEXT: int fd = co_await concur::sys::accept(listener, nullptr, nullptr);
// CHECK-FIXES-NEXT: pool.push_back(concur::spawn(Server::session(fd)));
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: for (size_t i = 0; i < pool.size(); ++i)
// CHECK-FIXES-NEXT: if (pool[i].valid())
// CHECK-FIXES-NEXT: co_await pool[i];
// CHECK-FIXES-NEXT: }());
// CHECK-FIXES: concur::task<void> operator()() const {
// CHECK-FIXES: co_await concur::sys::write(fd_, text, sizeof text - 1);
// CHECK-FIXES: std::vector<concur::future<void>> reporters;
// CHECK-FIXES-NEXT: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: for (int i = 0; i < 3; ++i) {
// CHECK-FIXES-NEXT: int fd = co_await concur::sys::accept(listener, nullptr, nullptr);
// CHECK-FIXES-NEXT: reporters.push_back(concur::spawn([](auto work) -> concur::task<void> { co_await work(); }(Reporter(fd))));
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: for (auto &r : reporters)
// CHECK-FIXES-NEXT: co_await r;

// A function object given the connection as the thread's argument: the coroutine takes copies
// of both, as the thread did.
struct Echoer {
  void operator()(int fd) const {
    char c;
    while (recv(fd, &c, 1, 0) == 1)
      send(fd, &c, 1, 0);
    close(fd);
  }
};
void serve_echoer(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    if (fd < 0)
      break;
    std::thread(Echoer{}, fd).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'Echoer::operator()'{{.*}}[concur-model-thread-per-connection]
// CHECK-FIXES: concur::task<void> operator()(int fd) const {
// CHECK-FIXES: while (co_await concur::sys::recv(fd, &c, 1, 0) == 1)
// CHECK-FIXES: connections.spawn([](auto work, auto... args) -> concur::task<void> { co_await work(args...); }(Echoer{}, fd));
