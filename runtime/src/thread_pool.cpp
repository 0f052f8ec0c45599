// The thread pool's scheduler: per-worker deques, outside slots, stealing, workers started as
// work arrives, and sleeping workers.
#include <concur/thread_pool.hpp>

#include "startup_hook.hpp"
#include "work_deque.hpp"

#include <sched.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <stdexcept>
#include <thread>

namespace concur {

using detail::job;

namespace {

/// A deque for tasks submitted from outside the pool. One outside thread at a time claims it and
/// pushes without locking; the workers steal from it like from each other.
struct external_slot {
  std::atomic<bool> claimed{false};
  detail::work_deque deque;
};

/// The slots this thread has claimed, by pool id (ids are never reused). Released when the
/// thread ends; a slot outlives its pool while a thread still holds it.
class slot_claims {
public:
  ~slot_claims() {
    for (auto& c : claims_)
      if (c.slot) c.slot->claimed.store(false, std::memory_order_release);
  }
  external_slot* find(std::uint64_t pool) const noexcept {
    for (auto& c : claims_)
      if (c.pool == pool) return c.slot.get();
    return nullptr;
  }
  bool owns(const detail::work_deque* deque) const noexcept {
    for (auto& c : claims_)
      if (c.slot && &c.slot->deque == deque) return true;
    return false;
  }
  void add(std::uint64_t pool, std::shared_ptr<external_slot> slot) noexcept {
    auto& c = claims_[next_++ % claims_.size()];
    if (c.slot) c.slot->claimed.store(false, std::memory_order_release);
    c = {pool, std::move(slot)};
  }

private:
  struct claim {
    std::uint64_t pool = 0;
    std::shared_ptr<external_slot> slot;
  };
  std::array<claim, 4> claims_;
  std::size_t next_ = 0;
};

thread_local slot_claims claimed_slots;
/// The deque of the pool worker running on this thread, if it is one.
thread_local detail::work_deque* own_worker_deque = nullptr;
std::atomic<std::uint64_t> next_pool_id{1};

} // namespace

class thread_pool::scheduler {
public:
  explicit scheduler(std::size_t threads)
      : id_(next_pool_id.fetch_add(1)), max_spinners_(std::max<std::size_t>(1, std::min(threads, default_size()) / 2)) {
    if (threads == 0) throw std::invalid_argument("concur::thread_pool: the pool needs at least one thread");
    workers_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) workers_.push_back(std::make_unique<worker>(*this, i));
    for (std::size_t i = 0; i < std::max<std::size_t>(4, threads); ++i) externals_.push_back(std::make_shared<external_slot>());
    // The fork server's moment is the pool's creation, as documented, even though the threads
    // themselves start with the work.
    detail::before_runtime_threads();
  }
  ~scheduler() { shutdown(true, false); }

  std::size_t size() const noexcept { return workers_.size(); }
  bool in_worker() const noexcept { return current_ != nullptr && current_->owner == this; }

  void post(job* j) {
    worker* self = current_;
    if (self != nullptr && self->owner == this) {
      // Tasks a task submits may run after shutdown began: they are part of finishing its work.
      j->home = &self->deque;
      self->deque.push(j);
    } else if (external_slot* slot = claim_slot()) {
      // Push, then check (both seq_cst): a push that saw the pool accepting is visible to every
      // worker that later sees shutdown. One that lost the race takes its task back, unless a
      // worker already took it, in which case it runs like any accepted task.
      j->home = &slot->deque;
      slot->deque.push(j);
      if (!accepting_.load(std::memory_order_seq_cst))
        if (job* mine = slot->deque.pop()) reject(mine);
    } else {
      std::unique_lock lock(inject_mutex_);
      if (!accepting_.load(std::memory_order_relaxed)) {
        lock.unlock();
        reject(j);
      }
      injected_.push_back(j);
      injected_count_.fetch_add(1, std::memory_order_seq_cst);
    }
    // Pushed first: a worker started for the job finds it as soon as it runs.
    if (!start_worker_for_queued(j)) wake_one();
  }

  void shutdown(bool wait, bool cancel_pending) {
    {
      std::lock_guard lock(inject_mutex_);
      accepting_.store(false, std::memory_order_seq_cst);
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

  [[noreturn]] static void reject(job* j) {
    j->discard();
    throw std::runtime_error("concur::thread_pool: cannot submit new tasks after shutdown");
  }

  /// This thread's slot in the pool, claiming a free one on first use; null when all are taken
  /// (the caller then uses the locked queue).
  external_slot* claim_slot() {
    if (external_slot* slot = claimed_slots.find(id_)) return slot;
    for (auto& slot : externals_) {
      bool expected = false;
      if (slot->claimed.compare_exchange_strong(expected, true, std::memory_order_acquire)) {
        claimed_slots.add(id_, slot);
        return slot.get();
      }
    }
    return nullptr;
  }

  void run_worker(worker& w) {
    current_ = &w;
    own_worker_deque = &w.deque;
    detail::set_current_wait_helper(&w);
    // Its starter counted it as spinning, so it begins where a spin ends: the job it was started
    // for is queued, or was taken by someone else and it goes to sleep.
    bool resumed = true; // back from spinning or sleeping
    bool go_on = finish_spin() || park();
    while (go_on) {
      if (job* j = find_work(w)) {
        // A poster wakes or starts one worker (none while one spins). The worker that answers
        // passes the wake-up on while more is queued; else tasks that block (I/O) would leave
        // queued ones waiting for them instead of for the workers still asleep or not started.
        if (resumed && has_work()) wake_or_start_one();
        resumed = false;
        j->run();
        continue;
      }
      resumed = true;
      go_on = spin_for_work() || park();
    }
    detail::set_current_wait_helper(nullptr);
    own_worker_deque = nullptr;
    current_ = nullptr;
  }

  job* find_work(worker& w) {
    if (job* j = w.deque.pop()) return j;
    if (job* j = steal(w)) return j;
    if (injected_count_.load(std::memory_order_relaxed) > 0) return take_injected(w);
    return nullptr;
  }

  /// Takes one job from the shared queue to run, and moves a share of the rest into the
  /// worker's own deque, so that a burst of outside submissions costs few lock round trips.
  job* take_injected(worker& w) {
    job* first = nullptr;
    bool more = false;
    {
      std::lock_guard lock(inject_mutex_);
      if (injected_.empty()) return nullptr;
      std::size_t take = std::min<std::size_t>({injected_.size(), 1 + injected_.size() / workers_.size(), 32});
      first = injected_.front();
      injected_.pop_front();
      for (std::size_t k = 1; k < take; ++k) {
        w.deque.push(injected_.front());
        injected_.pop_front();
      }
      injected_count_.fetch_sub(take, std::memory_order_seq_cst);
      more = !injected_.empty();
    }
    // More is waiting: get another worker going rather than running all of it here.
    if (more) wake_or_start_one();
    return first;
  }

  /// Jobs queued and not yet taken by any thread, as far as a racing reader can tell.
  std::size_t queued_jobs() const noexcept {
    std::size_t n = injected_count_.load(std::memory_order_seq_cst);
    const std::size_t started = started_.load(std::memory_order_seq_cst);
    for (std::size_t i = 0; i < started; ++i) n += workers_[i]->deque.approximate_size();
    for (auto& slot : externals_) n += slot->deque.approximate_size();
    return n;
  }

  /// Whether the queued jobs outnumber the workers that will look for work by themselves
  /// (spinning or asleep, woken or not). Read after a push (seq_cst, like wake_one): a worker
  /// that stops spinning or goes to sleep looks at the queues afterwards, so one of the two
  /// sees the other.
  bool short_of_workers() const noexcept {
    const std::size_t idle = spinning_.load(std::memory_order_seq_cst) + sleepers_.load(std::memory_order_seq_cst);
    return queued_jobs() > idle;
  }

  /// Starts one more worker when short of them: a pool sized for a fan-out of 32 that gets 3
  /// tasks starts 3 threads, not 32 that would spin on two cores while the tasks' threads wait
  /// for them. True if it started one.
  bool start_worker_if_short() {
    if (all_started_.load(std::memory_order_relaxed)) return false;
    // Checked before the lock too: the lock is held while a thread is created, and a worker
    // that needs no help should not wait for that.
    if (!short_of_workers()) return false;
    std::lock_guard lock(start_mutex_);
    const std::size_t n = started_.load(std::memory_order_relaxed);
    if (n == workers_.size() || starts_closed_ || !short_of_workers()) return false;
    // Counted before it runs: posters then leave it the queued job rather than start another,
    // and it joins the scan (started_) before it can push a job a sleeper must see.
    spinning_.fetch_add(1, std::memory_order_seq_cst);
    started_.store(n + 1, std::memory_order_seq_cst);
    try {
      workers_[n]->thread = std::thread([this, self = workers_[n].get()] { run_worker(*self); });
    } catch (...) {
      started_.store(n, std::memory_order_seq_cst);
      spinning_.fetch_sub(1, std::memory_order_seq_cst);
      throw;
    }
    if (n + 1 == workers_.size()) all_started_.store(true, std::memory_order_relaxed);
    return true;
  }

  /// After `j` was queued by this thread: starts a worker if short of them (true if it did). A
  /// pool that cannot start its first thread could never run `j`: it is taken back and
  /// discarded, and the error goes to the submitter. One with a worker carries on without the
  /// extra thread.
  bool start_worker_for_queued(job* j) {
    try {
      return start_worker_if_short();
    } catch (...) {
      if (started_.load(std::memory_order_seq_cst) > 0 || !take_back(j)) return false;
      j->discard();
      throw;
    }
  }

  /// Removes `j`, queued by this thread from outside the pool, unless it was taken already.
  bool take_back(job* j) {
    if (j->home != nullptr) return j->home->take(j);
    std::lock_guard lock(inject_mutex_);
    auto queued = std::find(injected_.rbegin(), injected_.rend(), j);
    if (queued == injected_.rend()) return false;
    injected_.erase(std::next(queued).base());
    injected_count_.fetch_sub(1, std::memory_order_seq_cst);
    return true;
  }

  /// A worker passing the wake-up on: a new worker if the queue outgrew the idle ones, else a
  /// sleeping one. A worker that cannot start is not needed for progress: this one runs.
  void wake_or_start_one() noexcept {
    try {
      if (start_worker_if_short()) return;
    } catch (...) {
    }
    wake_one();
  }

  /// The oldest job of another worker or of an outside thread's slot, starting at a random one.
  job* steal(worker& w) {
    const std::size_t started = started_.load(std::memory_order_acquire);
    const std::size_t victims = started + externals_.size();
    w.rng ^= w.rng << 13;
    w.rng ^= w.rng >> 7;
    w.rng ^= w.rng << 17;
    const std::size_t start = static_cast<std::size_t>(w.rng % victims);
    for (std::size_t k = 0; k < victims; ++k) {
      const std::size_t v = (start + k) % victims;
      detail::work_deque& d = v < started ? workers_[v]->deque : externals_[v - started]->deque;
      if (&d == &w.deque) continue;
      if (job* j = d.steal()) return j;
    }
    return nullptr;
  }

  bool has_work() const noexcept {
    if (injected_count_.load(std::memory_order_seq_cst) > 0) return true;
    const std::size_t started = started_.load(std::memory_order_seq_cst);
    for (std::size_t i = 0; i < started; ++i)
      if (!workers_[i]->deque.looks_empty()) return true;
    for (auto& slot : externals_)
      if (!slot->deque.looks_empty()) return true;
    return false;
  }

  /// A short spin before sleeping: a submitter that posts tasks one after another should not
  /// pay a futex wake for each of them. While a worker spins, posters wake nobody: the spinner
  /// will take the task and pass the wake-up on. So one spinner per two cores is enough; more
  /// would only take the cores from the threads that post (or from the tasks' own threads:
  /// workers that finish blocking tasks together all spun while the program waited for a core).
  bool spin_for_work() noexcept {
    if (spinning_.fetch_add(1, std::memory_order_seq_cst) >= max_spinners_) {
      spinning_.fetch_sub(1, std::memory_order_seq_cst);
      return false;
    }
    return finish_spin();
  }

  /// The spin of a worker already counted in spinning_; uncounts it at the end. A pool that is
  /// shutting down is not spun on: the destructor would wait for the spin to end. A round (a
  /// scan of the queues and 32 pauses) takes about 1 us; 16 of them span the gaps of a steady
  /// stream of submissions, and a worker that ran out of work at the end of a fan-out gives up
  /// its core after 16 us instead of 64.
  bool finish_spin() noexcept {
    bool found = false;
    for (int round = 0; round < 16 && !found && accepting_.load(std::memory_order_relaxed); ++round) {
      found = has_work();
      for (int k = 0; k < 32 && !found; ++k) detail::cpu_relax();
    }
    if (!found && accepting_.load(std::memory_order_relaxed)) {
      // On a busy machine the submitter may be waiting for this core.
      std::this_thread::yield();
      found = has_work();
    }
    // Decremented before park() counts this worker as a sleeper and looks for work once more,
    // so a poster that saw it spinning is always seen in turn (see park).
    spinning_.fetch_sub(1, std::memory_order_seq_cst);
    return found;
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
    // sleepers_ first: while the workers are busy it rarely changes, so its line stays shared.
    if (sleepers_.load(std::memory_order_seq_cst) == 0 || spinning_.load(std::memory_order_seq_cst) > 0) return;
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
    auto drain = [](detail::work_deque& d) {
      while (!d.looks_empty())
        if (job* j = d.steal()) j->discard();
    };
    for (auto& w : workers_) drain(w->deque);
    for (auto& slot : externals_) drain(slot->deque);
  }

  /// Joins every worker started, including any a running task's submission starts meanwhile;
  /// once all are joined no more start, so none is left unjoined.
  void join() {
    std::lock_guard lock(join_mutex_);
    for (std::size_t i = 0;; ++i) {
      std::thread* t = nullptr;
      {
        std::lock_guard start(start_mutex_);
        if (i == started_.load(std::memory_order_relaxed)) {
          starts_closed_ = true;
          return;
        }
        t = &workers_[i]->thread;
      }
      // A task that shuts its own pool down cannot wait for itself.
      if (t->joinable() && t->get_id() != std::this_thread::get_id()) t->join();
    }
  }

  static thread_local worker* current_;

  const std::uint64_t id_;
  const std::size_t max_spinners_;
  std::vector<std::unique_ptr<worker>> workers_;
  std::vector<std::shared_ptr<external_slot>> externals_;
  std::atomic<bool> accepting_{true};
  std::mutex inject_mutex_;
  std::deque<job*> injected_;
  std::atomic<std::size_t> injected_count_{0};
  std::mutex park_mutex_;
  std::condition_variable park_cv_;
  std::uint64_t epoch_ = 0;
  bool stopping_ = false;
  std::atomic<std::size_t> sleepers_{0};
  std::atomic<std::size_t> spinning_{0};
  /// Workers whose threads were started: always the first started_ of workers_. Read by every
  /// steal and submission, written only while the pool grows: a line of their own, away from
  /// the counters that change with every spin.
  alignas(64) std::atomic<std::size_t> started_{0};
  std::atomic<bool> all_started_{false};
  alignas(64) std::mutex start_mutex_;
  bool starts_closed_ = false; // guarded by start_mutex_
  std::mutex join_mutex_;
};

thread_local thread_pool::scheduler::worker* thread_pool::scheduler::current_ = nullptr;

bool detail::take_from_own_queue(detail::work_deque* home, job* j) noexcept {
  // Only the owner may take from the bottom, and only an owner knows the deque is still alive:
  // a worker's deque lives as long as its thread, a claimed slot as long as the claim.
  const bool owner = home == own_worker_deque || claimed_slots.owns(home);
  return owner && home->take(j);
}

thread_pool::thread_pool() : thread_pool(default_size()) {}
thread_pool::thread_pool(std::size_t threads) : scheduler_(std::make_unique<scheduler>(threads)) {}
thread_pool::~thread_pool() = default;

void thread_pool::enqueue(job* j) { scheduler_->post(j); }
void thread_pool::shutdown(bool wait, bool cancel_pending) { scheduler_->shutdown(wait, cancel_pending); }
std::size_t thread_pool::max_workers() const noexcept { return scheduler_->size(); }
bool thread_pool::in_worker() const noexcept { return scheduler_->in_worker(); }

std::size_t thread_pool::default_size() noexcept {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return static_cast<std::size_t>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

} // namespace concur
