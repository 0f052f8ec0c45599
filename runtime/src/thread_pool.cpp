#include <concur/thread_pool.hpp>

#include "work_deque.hpp"

#include <sched.h>

#include <condition_variable>
#include <deque>
#include <stdexcept>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace concur {

using detail::job;

namespace {
void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#endif
}
} // namespace

class thread_pool::scheduler {
public:
  explicit scheduler(std::size_t threads) {
    if (threads == 0) throw std::invalid_argument("concur::thread_pool: the pool needs at least one thread");
    workers_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) workers_.push_back(std::make_unique<worker>(*this, i));
    // Started only once every worker exists: a starting worker may steal from any of them.
    for (auto& w : workers_) w->thread = std::thread([this, self = w.get()] { run_worker(*self); });
  }
  ~scheduler() { shutdown(true, false); }

  std::size_t size() const noexcept { return workers_.size(); }

  void post(job* j) {
    worker* self = current_;
    if (self != nullptr && self->owner == this) {
      self->deque.push(j);
    } else {
      std::unique_lock lock(inject_mutex_);
      if (!accepting_) {
        lock.unlock();
        j->discard();
        throw std::runtime_error("concur::thread_pool: cannot submit new tasks after shutdown");
      }
      injected_.push_back(j);
      injected_count_.fetch_add(1, std::memory_order_seq_cst);
    }
    wake_one();
  }

  void shutdown(bool wait, bool cancel_pending) {
    {
      std::lock_guard lock(inject_mutex_);
      accepting_ = false;
    }
    if (cancel_pending) discard_queued();
    {
      std::lock_guard lock(park_mutex_);
      stopping_ = true;
      ++epoch_;
    }
    park_cv_.notify_all();
    if (wait) join();
  }

private:
  struct worker final : detail::wait_helper {
    worker(scheduler& s, std::size_t i) : owner(&s), index(i), rng(0x9E3779B97F4A7C15ull * (i + 1)) {}
    bool run_one_task() override {
      job* j = owner->find_work(*this);
      if (j == nullptr) return false;
      j->run();
      return true;
    }
    scheduler* owner;
    std::size_t index;
    std::uint64_t rng;
    detail::work_deque deque;
    std::thread thread;
  };

  void run_worker(worker& w) {
    current_ = &w;
    detail::set_current_wait_helper(&w);
    for (;;) {
      if (job* j = find_work(w)) {
        j->run();
        continue;
      }
      if (spin_for_work()) continue;
      if (!park()) break;
    }
    detail::set_current_wait_helper(nullptr);
    current_ = nullptr;
  }

  job* find_work(worker& w) {
    if (job* j = w.deque.pop()) return j;
    if (injected_count_.load(std::memory_order_relaxed) > 0)
      if (job* j = take_injected(w)) return j;
    return steal(w);
  }

  /// Takes one job from the shared queue to run, and moves a share of the rest into the
  /// worker's own deque, so that a burst of outside submissions costs few lock round trips.
  job* take_injected(worker& w) {
    std::lock_guard lock(inject_mutex_);
    if (injected_.empty()) return nullptr;
    std::size_t take = std::min<std::size_t>({injected_.size(), 1 + injected_.size() / workers_.size(), 32});
    job* first = injected_.front();
    injected_.pop_front();
    for (std::size_t k = 1; k < take; ++k) {
      w.deque.push(injected_.front());
      injected_.pop_front();
    }
    injected_count_.fetch_sub(take, std::memory_order_seq_cst);
    return first;
  }

  job* steal(worker& w) {
    const std::size_t n = workers_.size();
    if (n == 1) return nullptr;
    w.rng ^= w.rng << 13;
    w.rng ^= w.rng >> 7;
    w.rng ^= w.rng << 17;
    const std::size_t start = static_cast<std::size_t>(w.rng % n);
    for (std::size_t k = 0; k < n; ++k) {
      worker& victim = *workers_[(start + k) % n];
      if (&victim == &w) continue;
      if (job* j = victim.deque.steal()) return j;
    }
    return nullptr;
  }

  bool has_work() const noexcept {
    if (injected_count_.load(std::memory_order_seq_cst) > 0) return true;
    for (auto& w : workers_)
      if (!w->deque.looks_empty()) return true;
    return false;
  }

  /// A short spin before sleeping: a submitter that posts tasks one after another should not
  /// pay a futex wake for each of them.
  bool spin_for_work() const noexcept {
    for (int round = 0; round < 64; ++round) {
      if (has_work()) return true;
      for (int k = 0; k < 32; ++k) cpu_relax();
    }
    std::this_thread::yield();
    return has_work();
  }

  /// Sleeps until there may be work (true) or the pool stops with nothing left (false).
  /// A poster pushes (seq_cst) then reads sleepers_; a sleeper counts itself (seq_cst) then
  /// looks for work: one of the two always sees the other, so no wake-up is lost.
  bool park() {
    std::unique_lock lock(park_mutex_);
    sleepers_.fetch_add(1, std::memory_order_seq_cst);
    for (;;) {
      // stopping_ before has_work(): work queued before shutdown is then certainly visible.
      bool stop = stopping_;
      if (has_work()) break;
      if (stop) {
        sleepers_.fetch_sub(1, std::memory_order_seq_cst);
        return false;
      }
      auto seen = epoch_;
      park_cv_.wait(lock, [&] { return epoch_ != seen || stopping_; });
    }
    sleepers_.fetch_sub(1, std::memory_order_seq_cst);
    return true;
  }

  void wake_one() {
    if (sleepers_.load(std::memory_order_seq_cst) == 0) return;
    {
      std::lock_guard lock(park_mutex_);
      ++epoch_;
    }
    park_cv_.notify_one();
  }

  void discard_queued() {
    std::deque<job*> queued;
    {
      std::lock_guard lock(inject_mutex_);
      queued.swap(injected_);
      injected_count_.store(0, std::memory_order_seq_cst);
    }
    for (job* j : queued) j->discard();
    for (auto& w : workers_)
      while (!w->deque.looks_empty())
        if (job* j = w->deque.steal()) j->discard();
  }

  void join() {
    std::lock_guard lock(join_mutex_);
    for (auto& w : workers_)
      // A task that shuts its own pool down cannot wait for itself.
      if (w->thread.joinable() && w->thread.get_id() != std::this_thread::get_id()) w->thread.join();
  }

  static thread_local worker* current_;

  std::vector<std::unique_ptr<worker>> workers_;
  std::mutex inject_mutex_;
  std::deque<job*> injected_;
  bool accepting_ = true;
  std::atomic<std::size_t> injected_count_{0};
  std::mutex park_mutex_;
  std::condition_variable park_cv_;
  std::uint64_t epoch_ = 0;
  bool stopping_ = false;
  std::atomic<std::size_t> sleepers_{0};
  std::mutex join_mutex_;
};

thread_local thread_pool::scheduler::worker* thread_pool::scheduler::current_ = nullptr;

thread_pool::thread_pool() : thread_pool(default_size()) {}
thread_pool::thread_pool(std::size_t threads) : scheduler_(std::make_unique<scheduler>(threads)) {}
thread_pool::~thread_pool() = default;

void thread_pool::enqueue(job* j) { scheduler_->post(j); }
void thread_pool::shutdown(bool wait, bool cancel_pending) { scheduler_->shutdown(wait, cancel_pending); }
std::size_t thread_pool::max_workers() const noexcept { return scheduler_->size(); }

std::size_t thread_pool::default_size() noexcept {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return static_cast<std::size_t>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

} // namespace concur
