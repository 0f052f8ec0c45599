// The concurrent work of a program, found from the engine's facts, and the concurrency model
// design.md §1's table recommends for each: what the concur-model-* checks report.
#pragma once

#include "../../analysis/Classify.h"
#include "../../analysis/Threads.h"
#include "../Check.h"

#include <deque>
#include <string>
#include <vector>

namespace concur {

enum class SiteKind : uint8_t {
  ThreadPerTask, AsyncFanout, ManualChunking, ThreadPerConnection, MtUnsafeParallel, SerialBlockingLoop
};
enum class TargetModel : uint8_t { ThreadPool, ParallelFor, ProcessPool, Coroutines, Executor };

const char *siteName(SiteKind kind);   // `thread-per-task`
const char *modelName(TargetModel m);  // `concur::thread_pool`
const char *modelDocs(TargetModel m);  // docs/models.md#…

struct ConcurrencySite {
  SiteKind kind;
  uint32_t function;        // where the work is started (or the loop is)
  int32_t spawn = -1;       // index into the function's spawns; -1 for a serial loop
  int32_t loop = -1;        // the loop that starts or repeats the work
  int32_t work = -1;        // the function the work runs
  std::string fanout;       // `8`, `unbounded`, `cores`
  int64_t fanoutCount = -1; // when constant
  TargetModel model = TargetModel::ThreadPool;
  std::string why;          // the table's reason, for the message
  std::vector<Note> evidence;
  const Call *mtUnsafe = nullptr; // an MT-unsafe call the work reaches
  const Rewrite *loopMap = nullptr; // a serial loop's rewrite onto a pool, when its shape has one
};

struct SiteOptions {
  int64_t coroutineFanout = 256; // I/O fan-out from which coroutines beat a thread pool
};

/// The first function reachable from `start` over the call graph (itself included) for which
/// `test` holds, or null.
template <typename Test> const Function *firstReachable(const Program &program, uint32_t start, Test test) {
  std::vector<bool> seen(program.functions().size(), false);
  std::deque<uint32_t> queue{start};
  seen[start] = true;
  while (!queue.empty()) {
    uint32_t f = queue.front();
    queue.pop_front();
    if (test(program.functions()[f]))
      return &program.functions()[f];
    for (const Edge &e : program.callees(f))
      if (!seen[e.callee]) {
        seen[e.callee] = true;
        queue.push_back(e.callee);
      }
  }
  return nullptr;
}

/// Every site of the program, in source order.
std::vector<ConcurrencySite> findConcurrencySites(const AnalysisContext &context, const SiteOptions &options);

} // namespace concur
