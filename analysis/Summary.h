// The facts phase 1 extracts from one translation unit: plain data, no Clang types, so that
// phase 2, the cache and `concur analyze` never need an AST. See docs/summary-format.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace concur {

/// Bumped whenever the serialized form changes; a summary of another version is rejected.
inline constexpr int SummaryFormatVersion = 13;

/// A point in a source file. `file` indexes Summary::files (or Program::files after merging).
struct Loc {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t col = 0;
  uint32_t offset = 0; // byte offset, for fixes
  bool valid() const { return line != 0; }
};

/// A half-open byte range in one file, for fixes.
struct Range {
  Loc begin;
  uint32_t length = 0;
};

/// A text edit phase 2 may attach to a finding.
struct Edit {
  Range range;
  std::string text;
};

/// I/O sub-kinds, in the order of the classification issue.
enum class IoKind : uint8_t { None, File, Net, Ipc, Sleep, Terminal, Process, Db };
enum class SyncKind : uint8_t { None, Wait, Join, Lock, Barrier, Get };
enum class CpuKind : uint8_t { None, Light, Heavy };

/// Use of a pseudo-random stream the whole process shares (`rand`, `srand`): a worker process
/// would draw from its own copy of it.
enum class RandomStream : uint8_t { None, Draws, Seeds };

/// What a library call does, resolved from models/ at extraction time.
struct CallEffect {
  IoKind io = IoKind::None;
  SyncKind sync = SyncKind::None;
  CpuKind cpu = CpuKind::None;
  std::string mtUnsafe; // the model's reason, empty when thread-safe
  RandomStream randomStream = RandomStream::None;
  bool atomic = false;
  bool nonBlocking = false; // a non-blocking flag or descriptor made this call not block
  bool any() const {
    return io != IoKind::None || sync != SyncKind::None || cpu != CpuKind::None ||
           !mtUnsafe.empty() || randomStream != RandomStream::None || atomic;
  }
};

/// A lock by its abstract location (see AbstractLocation in docs/summary-format.md).
struct HeldLock {
  std::string lock;
  std::string display; // as written: `mu_`, `g_lock`
  bool shared = false; // held in shared (reader) mode
};

/// Where a statement sits in an OpenMP parallel region: the region (index into
/// Function::ompRegions), the barrier-separated phase, and the `single`/`master` block.
struct OmpPlace {
  int32_t region = -1;
  uint32_t phase = 0;
  int32_t single = -1; // executed by one thread of the team: id of the construct
  bool inWorksharingLoop = false; // iterations are divided between the threads
  /// The worksharing loop's iteration space: two loops share one when each thread gets the
  /// same iterations of both (equal schedule(static) loops); -1 when iterations do not tell
  /// the threads apart (a loop each team of a league runs whole).
  int32_t iterations = -1;
  int32_t task = -1;      // the innermost explicit task whose body it is in (Function::ompTasks)
  int32_t indexLoop = -1; // the loop an access's index was compared with (Function::loops)
};

/// A `depend` clause's list item and dependence type.
enum class DependType : uint8_t { In, Out, MutexInOutSet, InOutSet };
struct OmpDepend {
  std::string object; // the list item: a variable's USR, with `[subscript as written]` for an element
  DependType type = DependType::In;
  bool perInstance = false; // the subscript is not a constant: instances may name different objects
};

/// An explicit task construct (`task`, `taskloop`) and what orders it. Offsets are in the
/// function's file; the task that creates it is its parent (-1: the implicit task).
struct OmpTask {
  Loc loc;               // the directive
  uint32_t end = 0;      // offset of the construct's last token
  int32_t parent = -1;   // index into Function::ompTasks
  int32_t loop = -1;     // the innermost loop around it in its creator's code: one task per iteration
  OmpPlace place;        // where the construct is: region, phase, single, worksharing loop
  bool taskloop = false; // each chunk of iterations is a task of its own
  uint32_t completedAt = UINT32_MAX; // offset in the creator's code by which it has finished
  bool completedInIteration = false; // that point is in the iteration of `loop` that made it
  uint32_t groupEnd = UINT32_MAX;    // the end of a taskgroup around it: its descendants are done too
  std::vector<OmpDepend> depends;
};

struct OmpRegion {
  Loc loc;
  std::string directive; // `parallel for`, `parallel`, `teams`, …
  bool league = false;   // `teams` that may make several teams: no barrier, critical or lock spans them
};

enum class CallKind : uint8_t {
  Direct,    // a call of a known function
  Virtual,   // dispatched: phase 2 adds every override
  Reference, // a function or lambda named here but not called: stored, returned, compared
  Callback,  // a function or lambda passed to a call (a callback: what receives it may call it)
};

/// Where an argument of a call points, when the engine can tell.
struct ArgBinding {
  uint32_t param = 0;   // parameter index of the callee
  std::string location; // abstract location of what is passed (by address or reference)
  bool perIteration = false; // differs per loop iteration (`&items[i]`, a fresh heap object)
  std::string element;       // version 12: a constant element passed (`&temp[2]`: "2"), else ""
};

struct Call {
  std::string callee;     // USR; empty when unresolved
  std::string calleeName; // normalized qualified name, what models match
  CallKind kind = CallKind::Direct;
  Loc loc;
  int32_t loop = -1; // innermost enclosing loop (index into Function::loops), -1 if none
  uint32_t loopDepth = 0;
  bool inErrorPath = false; // under a branch that handles a failure (returns/throws/exits)
  bool modelled = false;     // a model names the callee (its effects are all there is to know)
  bool afterUnlock = false;  // made after this function released a lock its caller holds
  uint32_t argCount = 0;     // arguments written at the call (overloads differ by it)
  CallEffect effect;         // from the models, when the callee is a modelled library function
  std::vector<HeldLock> held;
  std::vector<HeldLock> acquires; // locks this call takes (lock(), a guard, a lock wrapper)
  std::vector<ArgBinding> args;
  OmpPlace omp;
};

enum class AccessKind : uint8_t { Read, Write };

/// A read or write of possibly shared memory.
struct Access {
  std::string location; // abstract location: `g:<usr>`, `f:<field usr>`, `l:<usr>`, `p:<n>…`
  std::string display;  // as written in the source
  AccessKind kind = AccessKind::Read;
  Loc loc;
  int32_t loop = -1;
  uint32_t loopDepth = 0;
  bool atomic = false;
  std::string index; // for array elements: how the index relates to the loop, see docs
  std::string rows;  // in a region: what each subscript holds that every thread agrees on, see docs
  std::vector<HeldLock> held;
  OmpPlace omp;      // where it is in an OpenMP parallel region, if it is in one
  int32_t statement = -1; // its statement, when a lock guard can wrap it (Function::guardable)
  HeldLock declaredGuard; // the lock GUARDED_BY / PT_GUARDED_BY names for it; `lock` empty if none
};

enum class SpawnKind : uint8_t { Thread, Pthread, Async, Pool, OpenMP, Other };

/// A place where work starts on another thread.
struct Spawn {
  std::string entry;     // USR of the function or lambda call operator that runs
  std::string entryName; // for messages
  std::string api;       // the modelled function: `std::thread::thread`, `pthread_create`
  SpawnKind kind = SpawnKind::Other;
  Loc loc;
  Range range;
  int32_t loop = -1;
  uint32_t loopDepth = 0;
  bool deferred = false; // std::async with std::launch::deferred: runs on the caller
  int64_t poolThreads = -1; // threads of the pool it is submitted to, when a constant
  bool detached = false;     // the thread object was detached
  std::string borrowedLocal; // a local of the spawner the work uses by reference, if any
  std::vector<ArgBinding> args;
  std::vector<HeldLock> held;
};

enum class HandOffRole : uint8_t { Signal, Await, Both };

/// A point where a thread publishes what it wrote to other threads, or waits to see what they
/// wrote, through a latch, barrier, semaphore, promise or atomic flag (a model's `hand_off`).
struct HandOff {
  HandOffRole role = HandOffRole::Signal;
  std::string object; // abstract location of the synchronization object (a future: its promise)
  Loc loc;            // a spinning await: the end of its loop, where the wait is over
  int32_t loop = -1;  // the innermost loop around `loc`
  bool rendezvous = false; // an await returns only after every signal (a latch, a barrier),
                           // not after any one (a semaphore, a flag)
  int32_t call = -1;       // the call that makes it (index into Function::calls)
  OmpPlace omp;            // in an OpenMP region: the block of the team that makes it
};

/// A wait for a thread or task to finish (join, future::get).
struct Join {
  std::string api;
  Loc loc;
  int32_t loop = -1;
};

/// A full-expression statement directly in a block of the main file, which
/// `{ std::lock_guard<std::mutex> g(mu); … }` can wrap without changing what it means: written
/// outside macros, it declares nothing, calls no project code and takes no lock or wait.
struct GuardableStatement {
  Range range;               // the statement and its semicolon
  std::string guardName;     // a name for the guard that the statement does not use
  std::vector<Edit> include; // `#include <mutex>`, when the file lacks it
};

/// A std::thread (or a container of them) that may be destroyed while still joinable, which
/// calls std::terminate: found flow-sensitively over the function's CFG in phase 1.
struct UnjoinedThread {
  std::string variable; // as declared: `t`, `workers`
  bool container = false; // a vector, deque or list of threads
  std::string event;    // what ends it: `scope-end`, `return`, `jump`, `reassigned`, `cleared`
  Loc loc;              // where: the return or closing brace, the assignment, the clear()
  Loc started;          // where a thread it holds was started
};

struct Loop {
  Loc loc;
  int32_t parent = -1;
  uint32_t depth = 1;
  int64_t tripCount = -1; // constant trip count when known
  std::string kind;       // for, while, do, range-for
  uint32_t arithmetic = 0; // arithmetic operators directly in this loop (not nested ones)
  bool boundedByCores = false; // its bound is the core count (hardware_concurrency, nproc)
  bool carriesLocal = false;   // writes a local declared before it (not its counter): iterations may depend
};

enum class RewriteTarget : uint8_t {
  Submit,      // each task a `pool.submit(…)`, each join a `result()`
  ParallelFor, // the spawning loop a `pool.parallel_for(first, last, body)`, the joins gone
  Map,         // a serial loop of independent calls run on a pool, results kept in order
  ProcessPool, // each task `pool.submit(f, args)` on a concur::process_pool, f registered
  Coroutine,   // each connection's handler a concur::task spawned on an event loop, the accept
               // loop a coroutine run by concur::run (the edits are complete: no pool)
};

/// Edits that move some of a function's threads or std::async tasks onto a concur::thread_pool,
/// found in phase 1 where the AST is (docs/models.md). Phase 2 applies one when the model it
/// recommends for the site is the rewrite's target; it writes the pool's declaration itself,
/// since the pool's size depends on the whole program's view of the work.
struct Rewrite {
  RewriteTarget target = RewriteTarget::Submit;
  std::vector<uint32_t> spawns; // indices into Function::spawns: the work it moves
  std::string blocker;          // why the work cannot be rewritten; `edits` is then empty
  Loc poolAt;                   // where the pool's declaration goes: the start of a statement (for a
                                // Map rewrite, of the loop it replaces)
  std::string indent;           // that statement's indentation
  std::string pool;             // the pool's name, one the function does not use
  std::vector<Edit> edits;      // everything but the pool's declaration, the #include included
  std::string fanout;           // an expression for the number of tasks, valid at poolAt, if any
  std::vector<Edit> fanoutEdits; // what using `fanout` in the pool's size needs (#include <algorithm>)
};

struct Function {
  std::string usr;
  std::string name; // qualified, as users read it
  Loc loc;          // the name in the definition
  Range body;
  std::string parentClass; // record USR for methods
  std::vector<std::string> overrides; // USRs of the methods this one overrides directly
  bool isMain = false;
  bool isCoroutine = false;
  bool isVirtual = false;
  bool isLambda = false;
  bool isConstructorOrDestructor = false;
  bool inSystemHeader = false;
  bool usesThreadLocal = false; // names a thread_local variable
  uint32_t statements = 0;  // size of the body
  uint32_t arithmetic = 0;  // arithmetic operators, each weighted by 1 << loop depth (capped)
  uint32_t maxLoopDepth = 0;
  std::vector<Loop> loops;
  std::vector<Call> calls;
  std::vector<Access> accesses;
  std::vector<Spawn> spawns;
  std::vector<Join> joins;
  std::vector<HandOff> handOffs;
  std::vector<OmpRegion> ompRegions;
  std::vector<OmpTask> ompTasks;
  std::vector<Rewrite> rewrites;
  std::vector<UnjoinedThread> unjoinedThreads;
  std::vector<GuardableStatement> guardable;
  /// The std::mutex objects the body can name unqualified (fields of its class, globals),
  /// by location in this function's frame and spelling; only when `guardable` is not empty.
  std::vector<HeldLock> nameableMutexes;
};

/// A global scalar and how this TU uses it: `simple` when every use would compile unchanged
/// on a std::atomic<T> (loads, stores, ++, --, +=, -=, |=, &=, ^=). The TU that defines it
/// also gives the edits that make it atomic.
struct AtomicCandidate {
  std::string usr;
  bool simple = true;
  std::vector<Edit> edits; // empty outside the defining TU, or when the declaration cannot change
};

/// A compiler diagnostic of the translation unit (errors make the TU uncacheable).
struct CompilerMessage {
  std::string level; // error, warning, fatal
  std::string message;
  Loc loc;
};

/// Everything phase 1 knows about one translation unit.
struct Summary {
  int version = SummaryFormatVersion;
  std::string mainFile;
  std::vector<std::string> files; // Loc::file indexes this table
  std::vector<Function> functions;
  std::vector<AtomicCandidate> atomicCandidates;
  std::vector<CompilerMessage> messages;
  bool hasErrors() const;
};

} // namespace concur
