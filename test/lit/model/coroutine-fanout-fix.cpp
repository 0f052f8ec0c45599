// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// RUN: cp %t.cpp %t.again.cpp
// RUN: %concur --quiet --no-cache --fix --checks='-*,concur-model-*' %t.again.cpp -- -std=c++20 -I%concur_source/runtime/include
// RUN: diff %t.cpp %t.again.cpp
// Hundreds of threads each waiting on a socket (CoroutineFanout, default 256): the work moves to
// coroutines. The threads' lambda becomes a coroutine lambda whose captures are parameters, so
// the coroutine frame holds them rather than the lambda object, which dies with its statement.
#include <chrono>
#include <future>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>
// CHECK-FIXES: #include <vector>
// CHECK-FIXES-NEXT: #include <concur/event_loop.hpp>
// CHECK-FIXES-NEXT: #include <concur/sys.hpp>

static long ask(const sockaddr_in &server, long value) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  long answer = -1;
  if (connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) == 0) {
    send(fd, &value, sizeof value, MSG_NOSIGNAL);
    if (recv(fd, &answer, sizeof answer, MSG_WAITALL) != sizeof answer)
      answer = -1;
  }
  close(fd);
  return answer;
}

void ask_all(const sockaddr_in &server, std::vector<long> &answers) {
  std::vector<std::thread> clients;
  for (int i = 0; i < 300; ++i)
    clients.emplace_back([&answers, &server, i] {
      answers[i] = ask(server, i); // one request per client
    });
  for (auto &c : clients)
    c.join();
}
// CHECK-MESSAGES: :[[@LINE-6]]:5: warning: 300 threads run io-bound '{{.*}}use coroutines on concur::event_loop: hundreds of I/O waits{{.*}}[concur-model-thread-per-task]

// A std::async fan-out of I/O: the futures become concur::future<T> from concur::spawn, each
// get() a co_await in the same place; the accumulator declared between the loops moves above.
static int probe(int id) {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return id % 3;
}

int probe_all() {
  std::vector<std::future<int>> pending;
  for (int i = 0; i < 400; ++i)
    pending.push_back(std::async(std::launch::async, probe, i));
  int up = 0;
  for (auto &p : pending)
    up += p.get();
  return up;
}
// CHECK-MESSAGES: :[[@LINE-6]]:23: warning: 400 std::async tasks run io-bound 'probe'{{.*}}use coroutines on concur::event_loop{{.*}}[concur-model-async-fanout]

// CHECK-FIXES: static concur::task<long> ask(const sockaddr_in &server, long value) {
// CHECK-FIXES: if (co_await concur::sys::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) == 0) {
// CHECK-FIXES-NEXT: co_await concur::sys::send(fd, &value, sizeof value, MSG_NOSIGNAL);
// CHECK-FIXES-NEXT: if (co_await concur::sys::recv(fd, &answer, sizeof answer, MSG_WAITALL) != sizeof answer)
// CHECK-FIXES: concur::sys::close(fd);
// CHECK-FIXES-NEXT: co_return answer;
// CHECK-FIXES: std::vector<concur::future<void>> clients;
// CHECK-FIXES-NEXT: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: for (int i = 0; i < 300; ++i)
// CHECK-FIXES-NEXT: clients.push_back(concur::spawn([](auto &answers, auto &server, auto i) -> concur::task<void> {
// CHECK-FIXES-NEXT: answers[i] = co_await ask(server, i); // one request per client
// CHECK-FIXES-NEXT: }(answers, server, i)));
// CHECK-FIXES-NEXT: for (auto &c : clients)
// CHECK-FIXES-NEXT: co_await c;
// CHECK-FIXES-NEXT: }());
// CHECK-FIXES: static concur::task<int> probe(int id) {
// CHECK-FIXES-NEXT: co_await concur::sleep_for(std::chrono::milliseconds(1));
// CHECK-FIXES-NEXT: co_return id % 3;
// CHECK-FIXES: std::vector<concur::future<int>> pending;
// CHECK-FIXES-NEXT: int up = 0;
// CHECK-FIXES-NEXT: concur::run([&]() -> concur::task<void> {
// CHECK-FIXES-NEXT: for (int i = 0; i < 400; ++i)
// CHECK-FIXES-NEXT: pending.push_back(concur::spawn(probe(i)));
// CHECK-FIXES-NEXT: for (auto &p : pending)
// CHECK-FIXES-NEXT: up += co_await p;
// CHECK-FIXES-NEXT: }());
// CHECK-FIXES-NEXT: return up;
