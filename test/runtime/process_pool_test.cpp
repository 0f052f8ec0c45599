// concur::process_pool: registration, codecs, map, crashes, timeouts, initializer, shutdown,
// and no zombie processes or leaked descriptors afterwards.
#include <concur/process_pool.hpp>
#include <concur/thread_pool.hpp>

#include <gtest/gtest.h>

#include <dirent.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

int square(int x) { return x * x; }
std::string repeat(std::string s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}
long sum(const std::vector<int>& values) {
  long total = 0;
  for (int v : values) total += v;
  return total;
}
std::map<std::string, int> count_words(const std::vector<std::string>& words) {
  std::map<std::string, int> counts;
  for (const auto& w : words) ++counts[w];
  return counts;
}
long widen(long x) { return x * 2; }
void nothing(int) {}
int throws_invalid(int) { throw std::invalid_argument("bad argument"); }
int sleep_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  return ms;
}
int segfault(int) {
  // The default action, not a sanitizer's handler: the worker must really die of SIGSEGV.
  std::signal(SIGSEGV, SIG_DFL);
  volatile int* nowhere = nullptr;
  return *nowhere;
}
int abort_now(int) { std::abort(); }
int exit_now(int code) { ::_exit(code); }
int my_pid(int) { return static_cast<int>(::getpid()); }
int my_parent(int) { return static_cast<int>(::getppid()); }

std::mutex held_by_a_caller_thread;
int take_the_lock(int) {
  std::lock_guard lock(held_by_a_caller_thread);
  return 1;
}

int initialized_value = 0;
void initialize() { initialized_value = 42; }
void failing_initializer() { throw std::runtime_error("no database"); }
int read_initialized(int) { return initialized_value; }

struct point {
  std::string label;
  double x = 0, y = 0;
};
point mirror(point p) { return {p.label + "'", -p.x, -p.y}; }

struct money {
  long cents = 0;
  std::string currency;
  void encode(concur::byte_writer& out) const {
    out.put(cents);
    out.put(currency);
  }
  static money decode(concur::byte_reader& in) {
    long c = in.get<long>();
    return {c, in.get<std::string>()};
  }
};
money doubled(money m) { return {m.cents * 2, m.currency}; }

int not_registered(int x) { return x; }

} // namespace

template <> struct concur::codec<point> {
  static void encode(byte_writer& out, const point& p) {
    out.put(p.label);
    out.put(p.x);
    out.put(p.y);
  }
  static point decode(byte_reader& in) {
    point p;
    p.label = in.get<std::string>();
    p.x = in.get<double>();
    p.y = in.get<double>();
    return p;
  }
};

CONCUR_REGISTER(square);
CONCUR_REGISTER(repeat);
CONCUR_REGISTER(sum);
CONCUR_REGISTER(count_words);
CONCUR_REGISTER(widen);
CONCUR_REGISTER(nothing);
CONCUR_REGISTER(throws_invalid);
CONCUR_REGISTER(sleep_ms);
CONCUR_REGISTER(segfault);
CONCUR_REGISTER(abort_now);
CONCUR_REGISTER(exit_now);
CONCUR_REGISTER(my_pid);
CONCUR_REGISTER(my_parent);
CONCUR_REGISTER(take_the_lock);
CONCUR_REGISTER(read_initialized);
CONCUR_REGISTER(mirror);
CONCUR_REGISTER(doubled);

namespace {

TEST(ProcessPool, SubmitReturnsTheResult) {
  concur::process_pool pool(2);
  EXPECT_EQ(pool.submit(square, 9).result(), 81);
}

TEST(ProcessPool, ArgumentsConvertToTheParameterTypes) {
  concur::process_pool pool(1);
  EXPECT_EQ(pool.submit(widen, 21).result(), 42L);
}

TEST(ProcessPool, VoidFunctionCompletes) {
  concur::process_pool pool(1);
  pool.submit(nothing, 1).result();
}

TEST(ProcessPool, StringsRoundTrip) {
  concur::process_pool pool(1);
  EXPECT_EQ(pool.submit(repeat, std::string("ab"), 3).result(), "ababab");
}

TEST(ProcessPool, VectorsAndMapsRoundTrip) {
  concur::process_pool pool(1);
  EXPECT_EQ(pool.submit(sum, std::vector<int>{1, 2, 3, 4}).result(), 10);
  auto counts = pool.submit(count_words, std::vector<std::string>{"a", "b", "a"}).result();
  EXPECT_EQ(counts, (std::map<std::string, int>{{"a", 2}, {"b", 1}}));
}

TEST(ProcessPool, UserTypeWithACodecSpecializationRoundTrips) {
  concur::process_pool pool(1);
  auto p = pool.submit(mirror, point{"p", 1.5, -2}).result();
  EXPECT_EQ(p.label, "p'");
  EXPECT_EQ(p.x, -1.5);
  EXPECT_EQ(p.y, 2);
}

TEST(ProcessPool, UserTypeWithCodecMembersRoundTrips) {
  concur::process_pool pool(1);
  auto m = pool.submit(doubled, money{150, "EUR"}).result();
  EXPECT_EQ(m.cents, 300);
  EXPECT_EQ(m.currency, "EUR");
}

TEST(ProcessPool, UnregisteredFunctionIsRejected) {
  concur::process_pool pool(1);
  EXPECT_THROW(pool.submit(not_registered, 1), std::invalid_argument);
}

TEST(ProcessPool, ExceptionInTheTaskArrivesAsRemoteError) {
  concur::process_pool pool(1);
  try {
    pool.submit(throws_invalid, 1).result();
    FAIL() << "no exception";
  } catch (const concur::remote_error& e) {
    EXPECT_EQ(e.type_name(), "std::invalid_argument");
    EXPECT_NE(std::string(e.what()).find("bad argument"), std::string::npos);
  }
}

TEST(ProcessPool, MapReturnsResultsInInputOrder) {
  concur::process_pool pool(2);
  std::vector<int> numbers;
  for (int i = 0; i < 500; ++i) numbers.push_back(i);
  auto squares = pool.map(square, numbers);
  ASSERT_EQ(squares.size(), numbers.size());
  for (int i = 0; i < 500; ++i) ASSERT_EQ(squares[i], i * i);
}

TEST(ProcessPool, MapWithAnExplicitChunksizeGivesTheSameResults) {
  concur::process_pool pool(2);
  std::vector<int> numbers{1, 2, 3, 4, 5, 6, 7};
  EXPECT_EQ(pool.map(square, numbers, 1), pool.map(square, numbers, 3));
}

TEST(ProcessPool, MapRethrowsTheFirstFailure) {
  concur::process_pool pool(2);
  EXPECT_THROW(pool.map(throws_invalid, std::vector<int>{1, 2, 3}), concur::remote_error);
}

TEST(ProcessPool, ImapUnorderedYieldsEveryResult) {
  concur::process_pool pool(2);
  std::multiset<int> got;
  for (int v : pool.imap_unordered(square, std::vector<int>{1, 2, 3, 4, 5})) got.insert(v);
  EXPECT_EQ(got, (std::multiset<int>{1, 4, 9, 16, 25}));
}

TEST(ProcessPool, WorkersAreForkedByTheForkServer) {
  concur::process_pool pool(1);
  int parent = pool.submit(my_parent, 0).result();
  EXPECT_EQ(parent, concur::process_pool::fork_server_pid());
  EXPECT_NE(parent, static_cast<int>(::getpid()));
}

TEST(ProcessPool, ForkServerStartsBeforeTheRuntimesFirstThread) {
  // This program registers functions, so the runtime forks the server before starting threads.
  concur::thread_pool threads(1);
  EXPECT_NE(concur::process_pool::fork_server_pid(), 0);
}

TEST(ProcessPool, WorkersDoNotInheritLocksHeldByTheCallersThreads) {
  // A worker forked from the caller now would be a copy with the mutex locked forever; one forked
  // by the fork server, started before the lock was taken, is not.
  concur::process_pool::start_fork_server();
  std::promise<void> locked, release;
  std::jthread holder([&] {
    std::lock_guard lock(held_by_a_caller_thread);
    locked.set_value();
    release.get_future().wait();
  });
  locked.get_future().wait();
  concur::process_pool pool(1);
  EXPECT_EQ(pool.submit_with_timeout(30s, take_the_lock, 0).result(), 1);
  release.set_value();
}

TEST(ProcessPool, SegfaultingWorkerFailsOnlyItsTaskNamingTheSignal) {
  concur::process_pool pool(2);
  std::vector<concur::future<int>> others;
  for (int i = 0; i < 20; ++i) others.push_back(pool.submit(square, i));
  auto crash = pool.submit(segfault, 0);
  try {
    crash.result();
    FAIL() << "no exception";
  } catch (const concur::broken_worker& e) {
    EXPECT_EQ(e.signal(), SIGSEGV);
    EXPECT_NE(std::string(e.what()).find("SIGSEGV"), std::string::npos) << e.what();
  }
  for (int i = 0; i < 20; ++i) EXPECT_EQ(others[i].result(), i * i);
}

TEST(ProcessPool, AbortingWorkerFailsItsTaskWithSigabrt) {
  concur::process_pool pool(1);
  try {
    pool.submit(abort_now, 0).result();
    FAIL() << "no exception";
  } catch (const concur::broken_worker& e) {
    EXPECT_EQ(e.signal(), SIGABRT);
  }
  EXPECT_EQ(pool.submit(square, 3).result(), 9);
}

TEST(ProcessPool, WorkerKilledWithSigkillFailsOnlyItsTask) {
  concur::process_pool pool(1);
  auto victim = pool.submit(sleep_ms, 60'000);
  while (!victim.running()) std::this_thread::sleep_for(1ms);
  auto pids = pool.worker_pids();
  ASSERT_EQ(pids.size(), 1u);
  auto after = pool.submit(square, 5);
  ::kill(pids[0], SIGKILL);
  try {
    victim.result();
    FAIL() << "no exception";
  } catch (const concur::broken_worker& e) {
    EXPECT_EQ(e.signal(), SIGKILL);
    EXPECT_NE(std::string(e.what()).find("SIGKILL"), std::string::npos) << e.what();
  }
  EXPECT_EQ(after.result(), 25);
}

TEST(ProcessPool, WorkerThatExitsFailsItsTaskWithItsStatus) {
  concur::process_pool pool(1);
  try {
    pool.submit(exit_now, 7).result();
    FAIL() << "no exception";
  } catch (const concur::broken_worker& e) {
    EXPECT_EQ(e.signal(), 0);
    EXPECT_NE(std::string(e.what()).find("status 7"), std::string::npos) << e.what();
  }
}

TEST(ProcessPool, TaskPastItsTimeoutIsKilledWithTimeoutError) {
  concur::process_pool pool(1);
  auto slow = pool.submit_with_timeout(100ms, sleep_ms, 60'000);
  EXPECT_THROW(slow.result(), concur::timeout_error);
  EXPECT_EQ(pool.submit(square, 4).result(), 16);
}

// Short tasks are sent to a worker ahead of time; those queued behind a request whose worker
// dies must run elsewhere, not fail with it.
TEST(ProcessPool, TasksSentAheadOfACrashStillComplete) {
  concur::process_pool pool(1);
  std::vector<concur::future<int>> before, after;
  for (int i = 0; i < 300; ++i) before.push_back(pool.submit(square, i));
  auto crash = pool.submit(segfault, 0);
  for (int i = 0; i < 300; ++i) after.push_back(pool.submit(square, i));
  EXPECT_THROW(crash.result(), concur::broken_worker);
  for (int i = 0; i < 300; ++i) {
    EXPECT_EQ(before[i].result(), i * i);
    EXPECT_EQ(after[i].result(), i * i);
  }
}

TEST(ProcessPool, TasksSentAheadOfATimeoutStillComplete) {
  concur::process_pool pool(1);
  for (int i = 0; i < 300; ++i) pool.submit(square, i); // short tasks: later ones are sent ahead
  auto slow = pool.submit_with_timeout(100ms, sleep_ms, 60'000);
  std::vector<concur::future<int>> after;
  for (int i = 0; i < 300; ++i) after.push_back(pool.submit(square, i));
  EXPECT_THROW(slow.result(), concur::timeout_error);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(after[i].result(), i * i);
}

TEST(ProcessPool, PoolWideTaskTimeoutAppliesToEveryTask) {
  concur::process_pool::options opts;
  opts.processes = 1;
  opts.task_timeout = 100ms;
  concur::process_pool pool(opts);
  EXPECT_THROW(pool.submit(sleep_ms, 60'000).result(), concur::timeout_error);
  EXPECT_EQ(pool.submit(sleep_ms, 1).result(), 1);
}

TEST(ProcessPool, InitializerRunsInEveryWorker) {
  concur::process_pool::options opts;
  opts.processes = 2;
  opts.initializer = initialize;
  concur::process_pool pool(opts);
  EXPECT_EQ(pool.map(read_initialized, std::vector<int>{0, 0, 0, 0}, 1), (std::vector<int>{42, 42, 42, 42}));
}

TEST(ProcessPool, FailingInitializerBreaksThePool) {
  concur::process_pool::options opts;
  opts.processes = 1;
  opts.initializer = failing_initializer;
  concur::process_pool pool(opts);
  try {
    pool.submit(square, 1).result();
    FAIL() << "no exception";
  } catch (const concur::broken_worker& e) {
    EXPECT_NE(std::string(e.what()).find("no database"), std::string::npos) << e.what();
  }
  EXPECT_THROW(pool.submit(square, 2).result(), concur::broken_worker);
}

TEST(ProcessPool, MaxTasksPerChildReplacesTheWorker) {
  concur::process_pool::options opts;
  opts.processes = 1;
  opts.max_tasks_per_child = 2;
  concur::process_pool pool(opts);
  std::set<int> pids;
  for (int i = 0; i < 6; ++i) pids.insert(pool.submit(my_pid, 0).result());
  EXPECT_EQ(pids.size(), 3u);
}

TEST(ProcessPool, ShutdownWaitsForQueuedTasks) {
  concur::process_pool pool(2);
  std::vector<concur::future<int>> fs;
  for (int i = 0; i < 10; ++i) fs.push_back(pool.submit(sleep_ms, 5));
  pool.shutdown(/*wait=*/true);
  for (auto& f : fs) {
    EXPECT_TRUE(f.done());
    EXPECT_EQ(f.result(), 5);
  }
}

TEST(ProcessPool, ShutdownWithCancelPendingCancelsQueuedTasks) {
  concur::process_pool pool(1);
  auto running = pool.submit(sleep_ms, 200);
  while (!running.running()) std::this_thread::sleep_for(1ms);
  std::vector<concur::future<int>> queued;
  for (int i = 0; i < 5; ++i) queued.push_back(pool.submit(square, i));
  pool.shutdown(/*wait=*/true, /*cancel_pending=*/true);
  EXPECT_EQ(running.result(), 200);
  for (auto& f : queued) EXPECT_TRUE(f.cancelled());
}

TEST(ProcessPool, CancelledQueuedTaskIsNotRun) {
  concur::process_pool pool(1);
  auto running = pool.submit(sleep_ms, 100);
  auto queued = pool.submit(square, 2);
  EXPECT_TRUE(queued.cancel());
  EXPECT_EQ(running.result(), 100);
  EXPECT_THROW(queued.result(), concur::cancelled_error);
}

TEST(ProcessPool, SubmitAfterShutdownThrows) {
  concur::process_pool pool(1);
  pool.shutdown();
  EXPECT_THROW(pool.submit(square, 1), std::runtime_error);
}

// ---- Cleanliness: counted in /proc ----------------------------------------------------------

std::size_t open_descriptors() {
  std::size_t n = 0;
  DIR* dir = ::opendir("/proc/self/fd");
  while (dirent* entry = ::readdir(dir))
    if (entry->d_name[0] != '.') ++n;
  ::closedir(dir);
  return n - 1; // the directory stream itself
}

struct process_counts {
  std::size_t zombies = 0;
  std::size_t server_children = 0;
};

/// Zombie children of this process or of the fork server, and live children of the server.
process_counts count_processes() {
  process_counts counts;
  const int self = ::getpid();
  const int server = concur::process_pool::fork_server_pid();
  DIR* proc = ::opendir("/proc");
  while (dirent* entry = ::readdir(proc)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    std::ifstream stat(std::string("/proc/") + entry->d_name + "/stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // pid (comm) state ppid ...: comm may hold spaces, so parse after the last ')'.
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    char state;
    int ppid;
    rest >> state >> ppid;
    if ((ppid == self || ppid == server) && state == 'Z') ++counts.zombies;
    if (ppid == server && state != 'Z') ++counts.server_children;
  }
  ::closedir(proc);
  return counts;
}

TEST(ProcessPool, ShutdownLeavesNoZombiesAndNoWorkers) {
  {
    concur::process_pool pool(3);
    pool.map(square, std::vector<int>{1, 2, 3, 4, 5, 6});
    EXPECT_THROW(pool.submit(segfault, 0).result(), concur::broken_worker);
    EXPECT_THROW(pool.submit_with_timeout(50ms, sleep_ms, 60'000).result(), concur::timeout_error);
  }
  auto counts = count_processes();
  EXPECT_EQ(counts.zombies, 0u);
  EXPECT_EQ(counts.server_children, 0u);
}

TEST(ProcessPool, ShutdownLeavesNoDescriptorsOpen) {
  concur::process_pool::start_fork_server();
  const std::size_t before = open_descriptors();
  {
    concur::process_pool pool(3);
    pool.map(square, std::vector<int>{1, 2, 3, 4, 5, 6});
    EXPECT_THROW(pool.submit(abort_now, 0).result(), concur::broken_worker);
    EXPECT_EQ(pool.submit(square, 2).result(), 4);
  }
  EXPECT_EQ(open_descriptors(), before);
}

} // namespace
