#include "ConcurrencySites.h"

#include "../../analysis/Blocking.h"
#include "../Evidence.h"
#include "TaskBlockers.h"

#include "fmt/format.h"
#include "llvm/ADT/StringRef.h"

namespace concur {

const char *siteName(SiteKind kind) {
  switch (kind) {
  case SiteKind::ThreadPerTask: return "thread-per-task";
  case SiteKind::AsyncFanout: return "async-fanout";
  case SiteKind::ManualChunking: return "manual-chunking";
  case SiteKind::ThreadPerConnection: return "thread-per-connection";
  case SiteKind::MtUnsafeParallel: return "mt-unsafe-parallel";
  case SiteKind::SerialBlockingLoop: return "serial-blocking-loop";
  }
  return "?";
}

const char *modelName(TargetModel m) {
  switch (m) {
  case TargetModel::ThreadPool: return "concur::thread_pool";
  case TargetModel::ParallelFor: return "concur::thread_pool::parallel_for";
  case TargetModel::ProcessPool: return "concur::process_pool";
  case TargetModel::Coroutines: return "coroutines on concur::event_loop";
  case TargetModel::Executor: return "concur::executor futures";
  }
  return "?";
}

const char *modelDocs(TargetModel m) {
  switch (m) {
  case TargetModel::ThreadPool: return "docs/models.md#thread-pool";
  case TargetModel::ParallelFor: return "docs/models.md#parallel-for";
  case TargetModel::ProcessPool: return "docs/models.md#process-pool";
  case TargetModel::Coroutines: return "docs/models.md#coroutines";
  case TargetModel::Executor: return "docs/models.md#futures";
  }
  return "docs/models.md";
}

namespace {

/// The first MT-unsafe call reachable from `start`, if any.
const Call *firstMtUnsafeCall(const Program &program, uint32_t start) {
  const Call *unsafe = nullptr;
  firstReachable(program, start, [&](const Function &f) {
    for (const Call &call : f.calls)
      if (!call.effect.mtUnsafe.empty())
        return (unsafe = &call), true;
    return false;
  });
  return unsafe;
}

bool acceptsInLoop(const Function &fn, int32_t loop, uint32_t before) {
  for (const Call &call : fn.calls)
    if (call.loc.offset < before && call.loop >= 0 && (call.loop == loop) &&
        (call.calleeName == "accept" || call.calleeName == "accept4" ||
         llvm::StringRef(call.calleeName).ends_with("::accept")))
      return true;
  return false;
}

/// The loop starts one thread per iteration and waits for it in that same iteration.
bool startedAndJoinedPerIteration(const Function &fn, const Spawn &spawn) {
  if (spawn.loop < 0)
    return false;
  size_t startsInLoop = 0;
  for (const Spawn &other : fn.spawns)
    startsInLoop += other.loop == spawn.loop;
  if (startsInLoop != 1)
    return false;
  for (const Join &join : fn.joins)
    if (join.loop == spawn.loop && join.loc.offset > spawn.loc.offset)
      return true;
  return false;
}

void describeFanout(const Function &fn, int32_t loop, ConcurrencySite &site) {
  int64_t count = 1;
  bool unbounded = false;
  for (int32_t l = loop; l >= 0; l = fn.loops[l].parent) {
    if (fn.loops[l].boundedByCores) {
      site.fanout = "one per core";
      return;
    }
    if (fn.loops[l].tripCount < 0)
      unbounded = true;
    else
      count = std::min<int64_t>(count * fn.loops[l].tripCount, 1 << 30);
  }
  if (unbounded) {
    site.fanout = "one per item";
    return;
  }
  site.fanoutCount = count;
  site.fanout = std::to_string(count);
}

void decide(ConcurrencySite &site, const Classification &work, const SiteOptions &options) {
  if (site.kind == SiteKind::ThreadPerConnection) {
    site.model = TargetModel::Coroutines;
    site.why = "a thread per connection costs a stack and a context switch each; a coroutine costs a frame";
    return;
  }
  // MT-unsafe work that waits on the world keeps threads (and needs the thread-safe call);
  // anything else — computing, or serialized behind the lock that protects the unsafe call —
  // goes to processes.
  if (site.mtUnsafe && work.label != Workload::Io) {
    site.model = TargetModel::ProcessPool;
    site.why = "the work calls functions that are not thread-safe; processes isolate their hidden state";
    return;
  }
  if (site.mtUnsafe) {
    site.model = TargetModel::ThreadPool;
    site.why = fmt::format("the work is {}; replace '{}' with its thread-safe form, since any threads share "
                           "its hidden state (processes would only suit CPU work)",
                           workloadName(work.label), site.mtUnsafe->calleeName);
    return;
  }
  switch (work.label) {
  case Workload::Io:
    if (site.fanoutCount >= options.coroutineFanout) {
      site.model = TargetModel::Coroutines;
      site.why = "hundreds of I/O waits are cheaper as coroutine frames than as threads";
    } else {
      site.model = TargetModel::ThreadPool;
      site.why = "blocking calls are cheap to park on a bounded pool; no rewrite to async is needed";
    }
    return;
  case Workload::Cpu:
    site.model = TargetModel::ParallelFor;
    site.why = "CPU-bound work runs best on one thread per core with work stealing";
    return;
  case Workload::Mixed:
  case Workload::Unknown:
    site.model = TargetModel::Executor;
    site.why = "mixed or unknown work: the general futures interface, like concurrent.futures";
    return;
  default:
    if (site.loop >= 0) {
      site.model = TargetModel::ParallelFor;
      site.why = "short tasks started in a loop cost less as chunks of a parallel_for than as threads";
    } else {
      site.model = TargetModel::ThreadPool;
      site.why = "short tasks are cheaper on a pool's existing threads than on new ones";
    }
  }
}

void addEvidence(const Program &program, const Classification &work, uint32_t workFunction,
                 ConcurrencySite &site) {
  for (const EvidenceStep &step : work.evidence)
    site.evidence.push_back(Note{fmt::format("'{}' is {}: it {}", program.functions()[workFunction].name,
                                             workloadName(work.label), step.message),
                                 pointOf(program, step.loc), {}});
  if (site.mtUnsafe)
    site.evidence.push_back(Note{fmt::format("'{}' is not thread-safe ({})", site.mtUnsafe->calleeName,
                                             site.mtUnsafe->effect.mtUnsafe),
                                 pointOf(program, site.mtUnsafe->loc), {}});
}

} // namespace

std::vector<ConcurrencySite> findConcurrencySites(const AnalysisContext &context, const SiteOptions &options) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  std::vector<ConcurrencySite> sites;
  for (uint32_t f = 0; f < functions.size(); ++f) {
    const Function &fn = functions[f];
    for (uint32_t s = 0; s < fn.spawns.size(); ++s) {
      const Spawn &spawn = fn.spawns[s];
      int32_t entry = program.find(spawn.entry);
      if (spawn.deferred || entry < 0 || spawn.kind == SpawnKind::Pool || spawn.kind == SpawnKind::OpenMP)
        continue;
      size_t sameEntrySites = 0;
      for (const Spawn &other : fn.spawns)
        sameEntrySites += other.entry == spawn.entry;
      if (spawn.loop < 0 && sameEntrySites < 2)
        continue; // one thread started once is not a fan-out
      if (startedAndJoinedPerIteration(fn, spawn))
        continue; // one thread at a time: nothing runs concurrently
      if (isLongLived(program, uint32_t(entry)))
        continue;
      if (waitsForSiblings(program, uint32_t(entry)))
        continue; // threads that must all run at once to make progress are not tasks to queue
      ConcurrencySite site;
      site.function = f;
      site.spawn = int32_t(s);
      site.loop = spawn.loop;
      site.work = entry;
      const Classification &work = context.classifier().of(uint32_t(entry));
      site.mtUnsafe = firstMtUnsafeCall(program, uint32_t(entry));
      if (spawn.kind == SpawnKind::Async)
        site.kind = SiteKind::AsyncFanout;
      else if (spawn.loop >= 0 && acceptsInLoop(fn, spawn.loop, spawn.loc.offset))
        site.kind = SiteKind::ThreadPerConnection;
      else if (site.mtUnsafe)
        site.kind = SiteKind::MtUnsafeParallel;
      else if (spawn.loop >= 0 && fn.loops[spawn.loop].boundedByCores)
        site.kind = SiteKind::ManualChunking;
      else
        site.kind = SiteKind::ThreadPerTask;
      if (spawn.loop >= 0)
        describeFanout(fn, spawn.loop, site);
      else
        site.fanout = std::to_string(sameEntrySites), site.fanoutCount = int64_t(sameEntrySites);
      if (site.kind == SiteKind::ThreadPerConnection)
        site.fanout = "one per connection", site.fanoutCount = -1; // as many as clients connect
      decide(site, work, options);
      addEvidence(program, work, uint32_t(entry), site);
      sites.push_back(std::move(site));
    }
  }
  // Serial loops of independent blocking calls: nothing is written but each iteration's own
  // elements, nothing is started, and the calls wait on the world (not just sleep).
  BlockingCalls blocking(program, /*includeSync=*/false);
  for (uint32_t f = 0; f < functions.size(); ++f) {
    const Function &fn = functions[f];
    if (context.threads.runsOnThread(f))
      continue;
    for (int32_t l = 0; l < int32_t(fn.loops.size()); ++l) {
      const Loop &loop = fn.loops[l];
      if (loop.tripCount >= 0 && loop.tripCount < 2)
        continue;
      // Only loops over a range or a counter: a while loop's next step depends on the last.
      if (loop.kind != "for" && loop.kind != "range-for")
        continue;
      if (loop.carriesLocal)
        continue; // `total += fetch(fd + total)`: an iteration may need the one before
      // A loop whose whole body is `out[i] = f(…)` or `v.push_back(f(…))` (phase 1 checked the
      // shape): its only write is the result's own place, so the calls are all there is to it.
      const Rewrite *loopMap = nullptr;
      for (const Rewrite &r : fn.rewrites)
        if (r.target == RewriteTarget::Map && r.poolAt.file == loop.loc.file && r.poolAt.offset == loop.loc.offset)
          loopMap = &r;
      size_t callsInLoop = 0;
      for (const Call &call : fn.calls) // element accessors and other effect-free library calls do not count
        callsInLoop += call.loop == l && call.kind != CallKind::Reference && !(call.modelled && !call.effect.any());
      if (callsInLoop > 2 && !loopMap)
        continue; // more than the call and storing its result: dependencies we cannot see
      bool startsWork = false, sharedWrites = false;
      for (const Spawn &spawn : fn.spawns)
        startsWork |= spawn.loop == l;
      for (const Access &a : fn.accesses)
        sharedWrites |= a.loop == l && a.kind == AccessKind::Write && a.index != "iv";
      if (startsWork || (sharedWrites && !loopMap))
        continue;
      const Call *blocker = nullptr;
      uint32_t blockerWork = f;
      for (const Edge &e : program.callees(f)) {
        const Call &call = fn.calls[e.call];
        if (call.loop != l || call.inErrorPath || !blocking.from(e.callee))
          continue;
        const auto &chain = *blocking.from(e.callee);
        const Call &last = functions[chain.back().function].calls[chain.back().call];
        // A sleep is pacing, unless it is the wait inside a call whose result each item keeps.
        if (last.effect.io == IoKind::Terminal || (last.effect.io == IoKind::Sleep && !loopMap))
          continue;
        if (context.classifier().of(e.callee).label != Workload::Io)
          continue; // compute between the waits may depend on earlier iterations
        blocker = &call;
        blockerWork = e.callee;
        break;
      }
      if (!blocker)
        continue;
      ConcurrencySite site;
      site.kind = SiteKind::SerialBlockingLoop;
      site.function = f;
      site.loop = l;
      site.work = int32_t(blockerWork);
      describeFanout(fn, l, site);
      site.model = TargetModel::ThreadPool;
      site.why = "its iterations wait independently; a pool's map overlaps the waits and keeps the order";
      site.loopMap = loopMap;
      addEvidence(program, context.classifier().of(blockerWork), blockerWork, site);
      sites.push_back(std::move(site));
    }
  }
  return sites;
}

} // namespace concur
