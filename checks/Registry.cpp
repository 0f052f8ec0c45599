// The one list of checks. Adding a check: its class, a line here, a docs page, a lit test.
#include "Check.h"
#include "coro/CoroBlockingCallCheck.h"
#include "lock/LockBlockingCallCheck.h"
#include "lock/LockInconsistentCheck.h"
#include "lock/LockOrderInversionCheck.h"
#include "model/ModelSiteCheck.h"
#include "mt/MtUnsafeCallCheck.h"
#include "race/DoubleCheckedLockingCheck.h"
#include "race/UnsynchronizedAccessCheck.h"
#include "thread/CvWaitWithoutPredicateCheck.h"
#include "thread/DetachedCapturesLocalCheck.h"
#include "thread/JoinableDestroyedCheck.h"
#include "workload/CpuOnIoPoolCheck.h"
#include "workload/OversubscribedThreadsCheck.h"
#include "workload/SleepPollingCheck.h"

namespace concur {
namespace {

template <typename T>
std::unique_ptr<Check> make(const std::string &name, const OptionMap &options) {
  if constexpr (std::is_constructible_v<T, const std::string &, const OptionMap &>)
    return std::make_unique<T>(name, options);
  else
    return std::make_unique<T>(name);
}

} // namespace

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> checks = {
      {"concur-coro-blocking-call",
       "a coroutine, or a function it calls, makes a blocking I/O or synchronization call",
       &make<CoroBlockingCallCheck>},
      {"concur-lock-blocking-call",
       "blocking I/O, a sleep or a co_await while a mutex is held, here or in a callee",
       &make<LockBlockingCallCheck>},
      {"concur-lock-inconsistent",
       "a variable guarded by a mutex at most of its accesses, but not at one that may run beside them",
       &make<LockInconsistentCheck>},
      {"concur-lock-order-inversion",
       "two threads take the same two locks in opposite orders",
       &make<LockOrderInversionCheck>},
      {"concur-model-async-fanout", "std::async futures started in a loop, and the model that fits them",
       &make<ModelCheckOf<SiteKind::AsyncFanout>>},
      {"concur-model-manual-chunking", "threads over slices of a container, one per core, and the model that fits them",
       &make<ModelCheckOf<SiteKind::ManualChunking>>},
      {"concur-model-mt-unsafe-parallel",
       "threads whose CPU work reaches non-thread-safe functions, and the model that fits them",
       &make<ModelCheckOf<SiteKind::MtUnsafeParallel>>},
      {"concur-model-serial-blocking-loop",
       "a loop of independent blocking calls that could overlap, and the model that fits it",
       &make<ModelCheckOf<SiteKind::SerialBlockingLoop>>},
      {"concur-model-thread-per-connection", "an accept loop starting a thread per connection, and the model that fits it",
       &make<ModelCheckOf<SiteKind::ThreadPerConnection>>},
      {"concur-model-thread-per-task", "a thread started per task in a loop, and the model that fits the work",
       &make<ModelCheckOf<SiteKind::ThreadPerTask>>},
      {"concur-mt-unsafe-call",
       "a call to a non-thread-safe function from code that runs on a thread other than main",
       &make<MtUnsafeCallCheck>},
      {"concur-race-double-checked-locking",
       "a non-atomic flag checked without a lock, then checked and set under it",
       &make<DoubleCheckedLockingCheck>},
      {"concur-race-unsynchronized-access",
       "two threads access the same memory, one writes, and no common lock orders them",
       &make<UnsynchronizedAccessCheck>},
      {"concur-thread-cv-wait-without-predicate",
       "a condition-variable wait with no predicate and no loop around it",
       &make<CvWaitWithoutPredicateCheck>},
      {"concur-thread-detached-captures-local",
       "a detached thread that uses a local of the function that started it by reference",
       &make<DetachedCapturesLocalCheck>},
      {"concur-thread-joinable-destroyed",
       "a std::thread destroyed, reassigned or cleared while it may still be joinable (std::terminate)",
       &make<JoinableDestroyedCheck>},
      {"concur-workload-cpu-on-io-pool",
       "CPU-bound work submitted to a pool with more threads than cores",
       &make<CpuOnIoPoolCheck>},
      {"concur-workload-oversubscribed-threads",
       "CPU-bound work started as one thread per item, or as more threads than cores",
       &make<OversubscribedThreadsCheck>},
      {"concur-workload-sleep-polling",
       "a loop that polls a flag and sleeps between looks",
       &make<SleepPollingCheck>},
  };
  return checks;
}

} // namespace concur
