// Sleeps: std::this_thread, POSIX sleep family, a rate limiter, polling loops.
// Traps: a flag polled with a sleep is io.sleep (the sleep-polling check builds on it), even
// when the flag is an atomic; reading the clock is not a sleep (trivial); a retry loop calling an
// unmodelled, bodiless connect function is decided by its sleep.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <thread>
#include <unistd.h>

extern "C" int broker_try_connect(const char *endpoint); // no body, no model

namespace timing {

using namespace std::chrono_literals;

// expect: io.sleep
void backoff(int attempt) {
  auto delay = std::chrono::milliseconds(50) * (1 << (attempt < 10 ? attempt : 10));
  std::this_thread::sleep_for(delay);
}

// expect: io.sleep
void wait_for_flag(const std::atomic<bool> &flag) {
  while (!flag.load(std::memory_order_acquire))
    std::this_thread::sleep_for(10ms);
}

// expect: io.sleep
void throttle_loop(int iterations, unsigned micros) {
  for (int i = 0; i < iterations; ++i)
    ::usleep(micros);
}

// expect: io.sleep
void precise_pause(long nanos) {
  timespec req{nanos / 1000000000L, nanos % 1000000000L};
  timespec rem{};
  while (::nanosleep(&req, &rem) != 0 && errno == EINTR)
    req = rem;
}

// expect: io.sleep
bool retry_connect(const char *endpoint, int attempts) {
  for (int i = 0; i < attempts; ++i) {
    if (broker_try_connect(endpoint) == 0)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100 * (i + 1)));
  }
  return false;
}

class RateLimiter {
public:
  // expect: trivial
  explicit RateLimiter(double per_second)
      : interval_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(1.0 / per_second))),
        next_(std::chrono::steady_clock::now()) {}

  // expect: io.sleep
  void acquire() {
    std::this_thread::sleep_until(next_);
    next_ += interval_;
  }

  // expect: trivial
  double rate() const { return 1.0 / std::chrono::duration<double>(interval_).count(); }

  // Reading the clock does not wait.
  // expect: trivial
  bool would_block() const { return std::chrono::steady_clock::now() < next_; }

private:
  std::chrono::steady_clock::duration interval_;
  std::chrono::steady_clock::time_point next_;
};

// expect: io.sleep
void heartbeat_pause() { ::sleep(1); }

} // namespace timing
