// Thread reachability: which functions run on threads other than main, and how they get there.
#pragma once

#include "Program.h"

#include <optional>
#include <vector>

namespace concur {

/// One place where work starts on another thread, resolved to the function it runs.
struct ThreadEntry {
  uint32_t spawner;  // function containing the spawn
  uint32_t spawn;    // index into spawner's Function::spawns
  uint32_t function; // the entry function
  bool concurrentWithItself; // started in a loop or from several sites
};

/// A call path from a thread entry to a function: the calls taken, in order.
struct ThreadPath {
  const ThreadEntry *entry = nullptr;
  struct Step {
    uint32_t caller, call, callee; // `caller`'s call number `call` runs `callee`
  };
  std::vector<Step> steps;
};

class ThreadReachability {
public:
  explicit ThreadReachability(const Program &program);

  const std::vector<ThreadEntry> &entries() const { return threadEntries; }
  /// True when `function` may run on a thread other than main.
  bool runsOnThread(uint32_t function) const { return !reachedBy[function].empty(); }
  /// Indices into entries() of the entries reaching `function`, in order.
  const std::vector<uint32_t> &entriesReaching(uint32_t function) const { return reachedBy[function]; }
  /// The shortest call path from entry `entry` to `function`, if there is one.
  std::optional<ThreadPath> pathTo(uint32_t entry, uint32_t function) const;

private:
  const Program &program;
  std::vector<ThreadEntry> threadEntries;
  std::vector<std::vector<uint32_t>> reachedBy;
  // Per entry: BFS parent of each reached function as (caller, call index), or none.
  std::vector<std::vector<std::pair<int32_t, uint32_t>>> parents;
};

} // namespace concur
