// concur-race: no
// trap: Clang thread-safety annotations (GUARDED_BY/REQUIRES) with correct locking
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))

class CAPABILITY("mutex") Mutex {
public:
  void lock() ACQUIRE() { m_.lock(); }
  void unlock() RELEASE() { m_.unlock(); }

private:
  std::mutex m_;
};

class SCOPED_CAPABILITY Lock {
public:
  explicit Lock(Mutex &m) ACQUIRE(m) : m_(m) { m_.lock(); }
  ~Lock() RELEASE() { m_.unlock(); }

private:
  Mutex &m_;
};

class Counter {
public:
  void add(int v) {
    Lock l(mu_);
    add_locked(v);
  }
  int get() {
    Lock l(mu_);
    return hits_;
  }

private:
  void add_locked(int v) REQUIRES(mu_) { hits_ += v; }
  Mutex mu_;
  int hits_ GUARDED_BY(mu_) = 0;
};

int main() {
  Counter c;
  std::thread a([&c] { for (int i = 0; i < 100; ++i) c.add(1); });
  std::thread b([&c] { for (int i = 0; i < 100; ++i) c.add(2); });
  a.join();
  b.join();
  std::printf("%d\n", c.get());
  return 0;
}
