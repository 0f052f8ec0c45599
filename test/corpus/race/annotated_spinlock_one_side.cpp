// concur-race: yes
// race-on: hits
// trap: an annotated spinlock (ACQUIRE/RELEASE) taken by one thread, skipped by the other
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Spinlock {
public:
  void Enter() ACQUIRE() {
    while (flag_.test_and_set(std::memory_order_acquire)) {
    }
  }
  void Leave() RELEASE() { flag_.clear(std::memory_order_release); }

private:
  std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
};

Spinlock lock;
long hits GUARDED_BY(lock) = 0;

void careful() {
  for (int i = 0; i < 1000; ++i) {
    lock.Enter();
    ++hits; // RACE
    lock.Leave();
  }
}

// Clang's -Wthread-safety would flag this; at run time nothing stops it.
void careless() {
  for (int i = 0; i < 1000; ++i)
    ++hits; // RACE
}

int main() {
  std::thread a(careful), b(careless);
  a.join();
  b.join();
  std::printf("%ld\n", hits);
  return 0;
}
