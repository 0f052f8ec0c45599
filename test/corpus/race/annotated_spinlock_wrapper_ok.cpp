// concur-race: no
// trap: a spinlock known only by its thread-safety annotations (ACQUIRE/RELEASE/TRY_ACQUIRE, a SCOPED_CAPABILITY guard, REQUIRES)
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))

// Built on an atomic_flag: its body takes no lock a reader of the code would recognise.
class CAPABILITY("mutex") Spinlock {
public:
  void Enter() ACQUIRE() {
    while (flag_.test_and_set(std::memory_order_acquire)) {
    }
  }
  void Leave() RELEASE() { flag_.clear(std::memory_order_release); }
  bool TryEnter() TRY_ACQUIRE(true) { return !flag_.test_and_set(std::memory_order_acquire); }

private:
  std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
};

class SCOPED_CAPABILITY Hold {
public:
  explicit Hold(Spinlock &lock) ACQUIRE(lock) : lock_(lock) { lock_.Enter(); }
  ~Hold() RELEASE() { lock_.Leave(); }

private:
  Spinlock &lock_;
};

Spinlock lock;
long hits GUARDED_BY(lock) = 0;
long misses GUARDED_BY(lock) = 0;

void count_miss() REQUIRES(lock) { ++misses; }

void worker(int id) {
  for (int i = 0; i < 1000; ++i) {
    if (i % 3 == 0) {
      Hold h(lock);
      ++hits;
    } else if (lock.TryEnter()) {
      ++hits;
      lock.Leave();
    } else {
      lock.Enter();
      count_miss();
      lock.Leave();
    }
  }
  (void)id;
}

int main() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
  lock.Enter();
  long total = hits + misses;
  lock.Leave();
  std::printf("%ld\n", total);
  return 0;
}
