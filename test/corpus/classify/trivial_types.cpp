// Bounded constant work: accessors, constructors, small arithmetic, enum mapping, operations on
// synchronization objects that never block. The trivial label.
// Traps: an atomic increment is not sync; notify/unlock/try_lock never block; snprintf into a
// buffer and std::to_string are not I/O; reading the clock is not a sleep; a loop with a small
// constant trip count is bounded; push_back/string concatenation are amortized constant.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

namespace triv {

struct Point {
  double x = 0, y = 0;
};

// expect: trivial
Point operator+(Point a, Point b) { return {a.x + b.x, a.y + b.y}; }

// expect: trivial
double lerp(double a, double b, double t) { return a + (b - a) * t; }

// expect: trivial
int clamp_int(int v, int lo, int hi) { return std::min(std::max(v, lo), hi); }

// expect: trivial
bool is_power_of_two(uint64_t v) { return v && !(v & (v - 1)); }

// expect: trivial
int bits_set(uint32_t v) { return __builtin_popcount(v); }

enum class Level { Debug, Info, Warning, Error };

// expect: trivial
const char *level_name(Level l) {
  switch (l) {
  case Level::Debug:
    return "debug";
  case Level::Info:
    return "info";
  case Level::Warning:
    return "warning";
  case Level::Error:
    return "error";
  }
  return "?";
}

class Rect {
public:
  // expect: trivial
  Rect(double w, double h) : w_(w), h_(h) {}
  // expect: trivial
  double width() const { return w_; }
  // expect: trivial
  void set_width(double w) { w_ = w; }
  // expect: trivial
  double area() const { return w_ * h_; }
  // expect: trivial
  bool contains(Point p) const { return p.x >= 0 && p.y >= 0 && p.x <= w_ && p.y <= h_; }

private:
  double w_, h_;
};

class EventCounter {
public:
  // expect: trivial
  void record() { count_.fetch_add(1, std::memory_order_relaxed); }
  // expect: trivial
  long total() const { return count_.load(std::memory_order_relaxed); }

private:
  std::atomic<long> count_{0};
};

class Notifier {
public:
  // expect: trivial
  void signal() {
    ready_.store(true, std::memory_order_release);
    cv_.notify_one();
  }

  // expect: trivial
  void release_lock() { mu_.unlock(); }

  // expect: trivial
  bool try_claim() {
    if (!mu_.try_lock())
      return false;
    claimed_ = true;
    mu_.unlock();
    return true;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> ready_{false};
  bool claimed_ = false;
};

// expect: trivial
std::string make_key(const std::string &ns, int id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, ":%08d", id);
  return ns + buf;
}

// expect: trivial
std::string greeting(const std::string &name) { return "hello, " + name + "!"; }

// expect: trivial
std::string version_string(int major, int minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

// expect: trivial
long long now_millis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

class Registry {
public:
  // expect: trivial
  void add(std::string name) { names_.push_back(std::move(name)); }
  // expect: trivial
  size_t size() const { return names_.size(); }
  // expect: trivial
  bool empty() const { return names_.empty(); }

private:
  std::vector<std::string> names_;
};

// expect: trivial
uint32_t fnv1a_u64(uint64_t v) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < 8; ++i) {
    h ^= static_cast<uint8_t>(v >> (8 * i));
    h *= 16777619u;
  }
  return h;
}

// expect: trivial
void store_header(unsigned char out[16], uint64_t id, uint64_t stamp) {
  std::memcpy(out, &id, 8);
  std::memcpy(out + 8, &stamp, 8);
}

template <typename T, size_t N>
class RingBuffer {
public:
  // expect: trivial
  bool push(const T &v) {
    if (count_ == N)
      return false;
    data_[(head_ + count_++) % N] = v;
    return true;
  }
  // expect: trivial
  bool full() const { return count_ == N; }

private:
  T data_[N]{};
  size_t head_ = 0, count_ = 0;
};

// expect: trivial
bool ring_demo() {
  RingBuffer<int, 8> ring;
  ring.push(1);
  ring.push(2);
  return !ring.full();
}

// expect: trivial
void swap_points(Point &a, Point &b) { std::swap(a, b); }

} // namespace triv
