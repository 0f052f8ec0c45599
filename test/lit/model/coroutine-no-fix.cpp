// RUN: %check_concur %s %t -- --checks='-*,concur-model-thread-per-connection'
// Each accept loop below gets the coroutine recommendation and a note naming what keeps concur
// from rewriting it; --fix leaves the file as it was.
// RUN: sed -e '/CHECK-/d' %s > %t.plain.cpp
// RUN: cp %t.plain.cpp %t.fixed.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.fixed.cpp -- -std=c++20
// RUN: diff %t.plain.cpp %t.fixed.cpp
// Below C++20 there are no coroutines: the same note for every site.
// RUN: %concur --quiet --no-cache --checks='-*,concur-model-*' %s -- -std=c++17 | FileCheck --check-prefix=CXX17 %s
// CXX17: note: no automatic rewrite: coroutines need C++20 and this file is compiled with an older standard
#include <condition_variable>
#include <mutex>
#include <string>
#include <sys/socket.h>
#include <sys/uio.h>
#include <thread>
#include <unistd.h>

// writev has no awaitable form: the handler would block the event loop's thread.
static void gather_reply(int fd) {
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  iovec parts[2] = {{buf, static_cast<size_t>(n > 0 ? n : 0)}, {buf, 1}};
  writev(fd, parts, 2);
  close(fd);
}
void serve_writev(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    std::thread(gather_reply, fd).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'gather_reply'{{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: no automatic rewrite: 'writev' (line 24) blocks the thread and has no coroutine counterpart

// A handler that waits for another thread's signal would block every connection.
std::mutex mu;
std::condition_variable ready_cv;
bool ready = false;
static void wait_then_echo(int fd) {
  {
    std::unique_lock<std::mutex> lock(mu);
    ready_cv.wait(lock, [] { return ready; });
  }
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  send(fd, buf, static_cast<size_t>(n), 0);
}
void serve_waiting(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    std::thread(wait_then_echo, fd).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'wait_then_echo'{{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: no automatic rewrite: 'std::condition_variable::wait' (line 43) blocks the thread and has no coroutine counterpart

// The helper is also called by code that stays a plain function.
static std::string read_some(int fd) {
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf);
  return std::string(buf, n > 0 ? static_cast<size_t>(n) : 0);
}
static void answer(int fd) {
  std::string question = read_some(fd);
  write(fd, question.data(), question.size());
}
std::string read_config(int fd) { return read_some(fd); }
void serve_shared_helper(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    std::thread(answer, fd).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'answer'{{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: no automatic rewrite: 'read_some' is also used at line 68, where it would now return a task

// A virtual call operator: its overrides would have to become coroutines too.
struct Session {
  int fd;
  explicit Session(int f) : fd(f) {} virtual ~Session() = default;
  virtual void operator()() const {
    char buf[64];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    send(fd, buf, static_cast<size_t>(n > 0 ? n : 0), 0);
  }
};
void serve_functor(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    std::thread(Session(fd)).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'Session::operator()'{{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: no automatic rewrite: 'Session::operator()' is virtual: its overrides would have to become coroutines too

// The accept loop returns from its function, which a lambda run by concur::run cannot.
static void reply_once(int fd) {
  send(fd, "bye", 3, 0);
  close(fd);
}
int serve_until_error(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    if (fd < 0)
      return -1;
    std::thread(reply_once, fd).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'reply_once'{{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: no automatic rewrite: the accept loop leaves 'serve_until_error' at line 106

// A lock held across what would now suspend: another coroutine of the loop's thread could take
// it again while this one waits.
std::mutex log_mu;
static void logged_echo(int fd) {
  std::lock_guard<std::mutex> guard(log_mu);
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  send(fd, buf, static_cast<size_t>(n > 0 ? n : 0), 0);
}
void serve_locked(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    std::thread(logged_echo, fd).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'logged_echo'{{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: no automatic rewrite: 'logged_echo' holds a lock (line 117) where it would now suspend (line 119): coroutines sharing a thread must not hold a lock across a co_await

// A handler that waits on something other than its connection (a pipe shared by all of them):
// on the loop, a read of that blocking pipe would stall every other connection, including the
// one that would fill it.
static int mailbox[2];
static void relay(int fd) {
  char cmd = 0, value = 0;
  recv(fd, &cmd, 1, 0);
  if (cmd == 'R')
    read(mailbox[0], &value, 1);
  else
    write(mailbox[1], &cmd, 1);
  send(fd, &value, 1, 0);
}
void serve_mailbox(int listener) {
  for (;;) {
    int fd = accept(listener, nullptr, nullptr);
    std::thread(relay, fd).detach();
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: threads (one per connection) run io-bound 'relay'{{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: no automatic rewrite: 'read' (line [[@LINE-12]]) waits on 'mailbox[0]', which is not a socket of the connection: a pipe, a file or a shared descriptor would still block the loop's thread
