// Data races: pairs of accesses to the same abstract location from two threads that may run at
// once, at least one a write, not both atomic, with no lock held at both. Compositional in the
// style of RacerD: a callee's accesses are seen under its callers' locks and with its
// parameters bound to what the callers passed. Happens-before from thread start (accesses
// before the spawn), join (accesses after the join) and hand-offs (HandOffs.h) is respected.
#pragma once

#include "HandOffs.h"
#include "Threads.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace concur {

/// A thread of execution: main, or one thread entry (which may run as several instances).
struct RaceContext {
  int32_t entry = -1;   // index into ThreadReachability::entries(), -1 for main or a region
  uint32_t root = 0;    // the function it starts in
  bool selfConcurrent = false;
  int32_t ompRegion = -1; // an OpenMP parallel region of `root`: its team of threads
  bool taskGraph = false; // `root`'s own code and its orphaned tasks, which a team runs
};

/// An access as seen from a context: its location and locks resolved in that context.
struct ContextAccess {
  uint32_t context = 0;
  uint32_t function = 0;
  uint32_t access = 0; // index into the function's accesses
  std::string location;
  std::vector<HeldLock> held;
  bool instancePrivate = false; // differs per instance of a self-concurrent thread
  std::string indexValue;       // the element's index when a constant is known (`0`, `3`)
  OmpPlace omp;                 // in a region context: where in the region (of the root's statement)
  std::string index;            // the index shape at the region's level
  std::string rows;             // what its subscripts hold for the whole team (Access::rows)
  uint32_t rootAt = 0;          // offset of the root's statement (the access, or the call to it)
  int32_t rootLoop = -1;        // the innermost loop of the root around that statement
  std::vector<ThreadPath::Step> path; // calls from the context's root down to `function`
  std::string declaredGuard;    // the lock GUARDED_BY names for it, resolved here; empty if none
};

/// A lock taken while another is held, in one context: `from` held, `to` acquired.
struct LockEdge {
  uint32_t context = 0;
  uint32_t function = 0;
  uint32_t call = 0; // the acquiring call
  HeldLock from, to;
  std::vector<HeldLock> alsoHeld; // every lock held there (a common one gates an inversion)
  std::vector<ThreadPath::Step> path;
};

struct Race {
  ContextAccess write;  // a write
  ContextAccess other;  // a read or a write
};

class RaceDetector {
public:
  RaceDetector(const Program &program, const ThreadReachability &threads);
  const std::vector<RaceContext> &contexts() const { return contextList; }
  /// Races in a stable order, one per pair of source locations.
  const std::vector<Race> &races() const { return raceList; }
  /// Lock acquisitions made while other locks are held, per context.
  const std::vector<LockEdge> &lockEdges() const { return edgeList; }
  /// Every access of possibly shared memory, once per context that reaches it.
  const std::vector<ContextAccess> &contextAccesses() const { return accesses; }
  /// True when two accesses (of one location) may run at once, ignoring the locks they hold:
  /// thread start and join, hand-offs, OpenMP barriers and work sharing, elements of their own.
  bool mayRunTogether(const ContextAccess &a, const ContextAccess &b) const;
  /// A local of a frame that the access's own thread runs (its entry or a callee): that thread's own.
  bool ownFrameLocal(const ContextAccess &c) const;
  /// True when two accesses of one location form a data race: they may run at once, one
  /// writes, they are not both atomic, and no lock held at both orders them.
  bool mayRace(const ContextAccess &a, const ContextAccess &b) const;
  /// True when two contexts may run at the same time (as far as thread start and join tell).
  bool contextsOverlap(uint32_t a, uint32_t b) const;
  /// True when two contexts can be in one process: their code is reached from a common main
  /// (a database may hold several executables), or from none (a library).
  bool sameProgram(uint32_t a, uint32_t b) const;
  const Access &accessOf(const ContextAccess &a) const {
    return program.functions()[a.function].accesses[a.access];
  }

private:
  struct Frame;
  void collect(uint32_t context);
  /// A thread bound to parameters of the function that starts it (`this` of
  /// `void Job::start() { th_ = std::thread(&Job::run, this); }`) is bound to what the one call
  /// of that function passes (`j` of main's `j.start()`), and so on up while there is one caller.
  void bindThroughOnlyCaller(Frame &frame, uint32_t spawner) const;
  void visit(uint32_t context, uint32_t function, const Frame &frame, std::vector<ThreadPath::Step> &path,
             std::map<std::string, bool> &seen, int depth);
  /// Whether `mainAccess`, made by the thread that starts `thread`, may overlap `thread`'s access
  /// `threadAccess` of the same location.
  bool concurrentWithThread(const ContextAccess &mainAccess, const ThreadEntry &thread,
                            const ContextAccess &threadAccess) const;
  /// Where an access happens in `function`: the access itself (direct) or the call that leads
  /// to it; none when `function` is not on its path.
  struct Position {
    uint32_t offset = 0;
    int32_t loop = -1;
    bool direct = false;
  };
  std::optional<Position> positionIn(const ContextAccess &a, uint32_t function) const;
  /// Whether an access at `at` in `function` may overlap a thread started there at `startOffset`
  /// (in loop `startLoop`), as the joins of `function` tell.
  bool overlapsStart(const ContextAccess &a, const Position &at, uint32_t function, uint32_t startOffset,
                     int32_t startLoop, const ContextAccess &threadAccess) const;
  bool handedOff(const ContextAccess &a, const ContextAccess &b) const;
  bool protectedByCommonLock(const ContextAccess &a, const ContextAccess &b) const;
  /// Whether two thread entries may run at the same time, as their spawner's joins tell.
  bool threadsOverlap(const ThreadEntry &a, const ThreadEntry &b) const;
  /// Two accesses of one OpenMP team that no barrier, single construct or iteration split
  /// keeps apart.
  bool teamMayOverlap(const ContextAccess &a, const ContextAccess &b, bool sameAccess) const;
  /// Whether an access belongs to the region of a league of teams (OmpRegion::league).
  bool inLeague(const ContextAccess &a) const;
  /// A context whose accesses OpenMP's rules order: a region's team, or a task graph.
  bool ordersByOpenMP(uint32_t context) const {
    return contextList[context].ompRegion >= 0 || contextList[context].taskGraph;
  }
  /// Points in the spawner after which its threads are done: joins, and waits for them
  /// (latch, barrier, condition variable, future), in source order.
  std::vector<std::pair<uint32_t, int32_t>> joinPoints(uint32_t spawner) const;
  void findRaces();

  const Program &program;
  const ThreadReachability &threads;
  std::vector<RaceContext> contextList;
  std::vector<ContextAccess> accesses;
  std::vector<Race> raceList;
  std::vector<LockEdge> edgeList;
  HandOffOrder handOffs;
  std::vector<std::vector<uint32_t>> mainsOf; // per function: the mains that reach it
  OmpPlace rootPlace; // while visiting a region's callee: the region statement that called it
  uint32_t rootAt = 0;
  int32_t rootLoop = -1;
  std::vector<bool> reachedByTeam; // per function: a team's code calls it
};

} // namespace concur
