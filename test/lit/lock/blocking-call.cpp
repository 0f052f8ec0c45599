// RUN: %check_concur %s %t -- --checks='-*,concur-lock-blocking-call'
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

std::mutex mu;
int cached;

void save(int fd, int value) { ::write(fd, &value, sizeof value); }

void direct(int fd) {
  std::lock_guard<std::mutex> guard(mu);
  char buf[64];
  ::read(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' waits on a file while 'mu' is held; every thread that needs the lock waits too
}

void through_callee(int fd) {
  std::unique_lock<std::mutex> lock(mu);
  save(fd, cached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' waits on a file while 'mu' is held (through 'save')
  // CHECK-MESSAGES: :[[@LINE-13]]:32: note: 'save' calls 'write' (waits on a file)
}

void sleeps_under_lock() {
  mu.lock();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps while 'mu' is held
  mu.unlock();
}

// The lock is released before the call: understood from the CFG.
void unlocks_first(int fd) {
  std::unique_lock<std::mutex> lock(mu);
  int value = cached;
  lock.unlock();
  save(fd, value);
}

// defer_lock: not held until lock(); try_to_lock: held only where it succeeded.
void deferred(int fd) {
  std::unique_lock<std::mutex> lock(mu, std::defer_lock);
  save(fd, 1);
  std::unique_lock<std::mutex> other(mu, std::try_to_lock);
  save(fd, 2);
}

// A descriptor made non-blocking does not block (clang's BlockInCriticalSection flags this).
void nonblocking(int listener) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  std::lock_guard<std::mutex> guard(mu);
  char buf[16];
  ::recv(fd, buf, sizeof buf, 0);
  ::recv(listener, buf, sizeof buf, MSG_DONTWAIT);
}

// Logging a line under a lock does not wait on anyone.
void logs() {
  std::lock_guard<std::mutex> guard(mu);
  std::printf("%d\n", cached);
}
