// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// RUN: cp %t.cpp %t.again.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.again.cpp -- -std=c++20 -I%concur_source/runtime/include
// RUN: diff %t.cpp %t.again.cpp
// A server class whose accept loop starts `std::thread(&Server::session, this, fd)`: the
// handler is a member, called on its object in the coroutine. The loop's `return` on a failed
// accept ends the function, as a `break` ends the coroutine's loop before its handlers are
// joined. A `return` with code after the loop would skip that code, so it is left alone.
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

class Server {
public:
  explicit Server(int fd) : listener(fd) {}
  void serve(int clients) {
    for (int i = 0; i < clients; ++i) {
      int fd = ::accept(listener, nullptr, nullptr);
      if (fd < 0)
        return;
      std::thread(&Server::session, this, fd).detach();
    }
  }
  void serveThenLog(int clients) {
    for (int i = 0; i < clients; ++i) {
      int fd = ::accept(listener, nullptr, nullptr);
      if (fd < 0)
        return;
      std::thread(&Server::greet, this, fd).detach();
    }
    served += clients;
  }

private:
  void session(int fd) {
    char line[64];
    ssize_t n = ::read(fd, line, sizeof line);
    if (n > 0)
      ::write(fd, line, size_t(n));
    ::close(fd);
  }
  void greet(int fd) {
    ::write(fd, "hi\n", 3);
    ::close(fd);
  }
  int listener;
  int served = 0;
};
// CHECK-MESSAGES: :22:7: warning: threads (one per connection) run io-bound {{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :30:7: warning: threads (one per connection) run io-bound {{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :30:7: note: no automatic rewrite: the accept loop leaves 'serveThenLog' at line 29
// CHECK-FIXES: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: concur::task_group connections;
// CHECK-FIXES-NEXT: for (int i = 0; i < clients; ++i) {
// CHECK-FIXES-NEXT: int fd = co_await concur::sys::accept(listener, nullptr, nullptr);
// CHECK-FIXES-NEXT: if (fd < 0)
// CHECK-FIXES-NEXT: break;
// CHECK-FIXES-NEXT: connections.spawn(this->session(fd));
// CHECK-FIXES: concur::task<void> session(int fd) {
