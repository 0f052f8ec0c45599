#include "Threads.h"

#include <deque>

namespace concur {

ThreadReachability::ThreadReachability(const Program &program) : program(program) {
  const auto &functions = program.functions();
  std::vector<uint32_t> sitesPerEntry(functions.size(), 0);
  for (uint32_t f = 0; f < functions.size(); ++f)
    for (uint32_t s = 0; s < functions[f].spawns.size(); ++s) {
      const Spawn &spawn = functions[f].spawns[s];
      int32_t entry = program.find(spawn.entry);
      if (spawn.deferred || entry < 0)
        continue;
      threadEntries.push_back(ThreadEntry{f, s, uint32_t(entry), spawn.loop >= 0});
      ++sitesPerEntry[entry];
    }
  for (ThreadEntry &entry : threadEntries)
    entry.concurrentWithItself |= sitesPerEntry[entry.function] > 1;

  reachedBy.assign(functions.size(), {});
  parents.assign(threadEntries.size(), {});
  for (uint32_t e = 0; e < threadEntries.size(); ++e) {
    auto &parent = parents[e];
    parent.assign(functions.size(), {-2, 0}); // -2: not reached, -1: the entry itself
    uint32_t start = threadEntries[e].function;
    parent[start] = {-1, 0};
    std::deque<uint32_t> queue{start};
    while (!queue.empty()) {
      uint32_t f = queue.front();
      queue.pop_front();
      reachedBy[f].push_back(e);
      for (const Edge &edge : program.callees(f))
        if (parent[edge.callee].first == -2) {
          parent[edge.callee] = {int32_t(f), edge.call};
          queue.push_back(edge.callee);
        }
    }
  }
}

std::optional<ThreadPath> ThreadReachability::pathTo(uint32_t entry, uint32_t function) const {
  const auto &parent = parents[entry];
  if (parent[function].first == -2)
    return std::nullopt;
  ThreadPath path;
  path.entry = &threadEntries[entry];
  for (uint32_t f = function; parent[f].first >= 0; f = uint32_t(parent[f].first))
    path.steps.insert(path.steps.begin(), ThreadPath::Step{uint32_t(parent[f].first), parent[f].second, f});
  return path;
}

} // namespace concur
