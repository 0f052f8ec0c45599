// RUN: %check_concur %s %t -- --checks='-*,concur-coro-blocking-call' -- -std=c++20 -I%concur_source/runtime/include
#include <chrono>
#include <coroutine>
#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

long read_all(int fd, char *buf, long n) { return ::read(fd, buf, n); }

task handler(int fd) {
  char buf[256];
  long n = ::recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: coroutine 'handler' blocks its thread: 'recv' waits on the network; await an asynchronous operation
  n += read_all(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: coroutine 'handler' blocks its thread: 'read' waits on a file through 'read_all'
  // CHECK-MESSAGES: :[[@LINE-8]]:51: note: 'read_all' calls 'read' (waits on a file)
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'handler' blocks its thread: 'std::this_thread::sleep_for' sleeps
  co_await std::suspend_never{};
}

// Non-blocking socket calls and plain functions that do not block are fine.
task polite(int fd) {
  char buf[16];
  ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
  co_await std::suspend_never{};
}

// A function that is not a coroutine may block.
long plain(int fd) {
  char buf[16];
  return ::recv(fd, buf, sizeof buf, 0);
}
