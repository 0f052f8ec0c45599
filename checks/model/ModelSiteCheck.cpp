#include "ModelSiteCheck.h"

#include "../../rewrites/ThreadPoolFix.h"
#include "../Evidence.h"
#include "TaskBlockers.h"


#include "fmt/format.h"

namespace concur {

ModelSiteCheck::ModelSiteCheck(const std::string &name, const OptionMap &options, SiteKind kind)
    : Check(name), kind(kind) {
  siteOptions.coroutineFanout = CheckOptions(name, options).get("CoroutineFanout", int64_t(256));
  ioPoolThreads = std::max<int64_t>(1, CheckOptions(name, options).get("IoPoolThreads", int64_t(32)));
  cpuFanoutKept = std::max<int64_t>(0, CheckOptions(name, options).get("CpuFanoutKept", int64_t(16)));
}

void ModelSiteCheck::storeOptions(OptionMap &out) const {
  CheckOptions(name(), {}).store(out, "CoroutineFanout", std::to_string(siteOptions.coroutineFanout));
  CheckOptions(name(), {}).store(out, "IoPoolThreads", std::to_string(ioPoolThreads));
  CheckOptions(name(), {}).store(out, "CpuFanoutKept", std::to_string(cpuFanoutKept));
}

namespace {

std::vector<Replacement> toReplacements(const Program &program, const std::vector<Edit> &edits) {
  std::vector<Replacement> out;
  for (const Edit &edit : edits)
    out.push_back(Replacement{program.fileOf(edit.range.begin), edit.range.begin.offset, edit.range.length, edit.text});
  return out;
}

/// The rewrite of `target` that moves the work `spawn` starts, if phase 1 planned one.
const Rewrite *rewriteOf(const Function &fn, int32_t spawn, RewriteTarget target) {
  for (const Rewrite &rewrite : fn.rewrites)
    if (rewrite.target == target &&
        std::find(rewrite.spawns.begin(), rewrite.spawns.end(), uint32_t(spawn)) != rewrite.spawns.end())
      return &rewrite;
  return nullptr;
}

bool poolFamily(TargetModel model) {
  return model == TargetModel::ThreadPool || model == TargetModel::Executor || model == TargetModel::ParallelFor ||
         model == TargetModel::ProcessPool;
}

} // namespace

std::vector<Replacement> ModelSiteCheck::fixFor(const AnalysisContext &context, const ConcurrencySite &site,
                                                const std::vector<ConcurrencySite> &all, std::string &why) const {
  const Program &program = context.program;
  const Function &fn = program.functions()[site.function];
  if (site.spawn < 0)
    return {}; // a serial loop's fix goes on a note (loopFix)
  if (site.model == TargetModel::Coroutines)
    return coroutineFix(context, site, why);
  // parallel_for when the model asks for it and the loop allows it; else the pool's submit.
  const Rewrite *submit = rewriteOf(fn, site.spawn, RewriteTarget::Submit);
  const Rewrite *chosen = site.model == TargetModel::ParallelFor   ? rewriteOf(fn, site.spawn, RewriteTarget::ParallelFor)
                          : site.model == TargetModel::ProcessPool ? rewriteOf(fn, site.spawn, RewriteTarget::ProcessPool)
                                                                   : nullptr;
  if (!chosen && submit && !submit->blocker.empty()) {
    why = submit->blocker;
    return {};
  }
  if (chosen && !chosen->blocker.empty()) {
    why = chosen->blocker;
    return {};
  }
  if (!chosen)
    chosen = submit;
  if (!chosen) {
    why = "concur found no rewrite for this shape";
    return {};
  }
  if (site.mtUnsafe && chosen->target != RewriteTarget::ProcessPool) {
    why = site.model == TargetModel::ProcessPool
              ? "the work is not one free function whose arguments and result a process pool can copy"
              : fmt::format("'{}' would stay just as unsafe on a pool's threads", site.mtUnsafe->calleeName);
    return {};
  }
  if (!poolFamily(site.model)) {
    why = fmt::format("concur does not rewrite to {} automatically", modelName(site.model));
    return {};
  }
  // The function runs an event loop: the coroutine rewrite moved its connection threads there
  // and left the others as threads, since they shared one pool with those (a second --fix must
  // not move them now).
  if (std::any_of(fn.calls.begin(), fn.calls.end(), [](const Call &c) { return c.calleeName == "concur::run"; })) {
    why = fmt::format("'{}' runs coroutines on an event loop (concur::run); its threads stay threads", fn.name);
    return {};
  }
  // Everything the rewrite moves must be a task this check would move.
  for (uint32_t spawn : chosen->spawns) {
    auto other = std::find_if(all.begin(), all.end(), [&](const ConcurrencySite &s) {
      return s.function == site.function && s.spawn == int32_t(spawn);
    });
    // A start that is no fan-out of its own (one std::async of another function beside the
    // fan-out's) moves with it when its work is a task.
    int32_t work = other != all.end() ? other->work : program.find(fn.spawns[spawn].entry);
    bool task = other != all.end() ? poolFamily(other->model)
                                   : work >= 0 && fn.spawns[spawn].kind == SpawnKind::Async &&
                                         !isLongLived(program, uint32_t(work));
    if (!task) {
      why = fmt::format("'{}' also starts '{}' here, which is not a short task", fn.name, fn.spawns[spawn].entryName);
      return {};
    }
    std::optional<std::string> blocker = poolTaskBlocker(program, uint32_t(work));
    if (!blocker && chosen->target == RewriteTarget::ProcessPool)
      blocker = processTaskBlocker(program, uint32_t(work));
    if (blocker) {
      why = *blocker;
      return {};
    }
  }
  PoolSize size;
  // Work that waits (all of it, or part of it: mixed) keeps a thread per task, up to the cap, as
  // the threads it replaces did; a core-sized pool would queue the waits one behind another.
  Workload label = context.classifier().of(uint32_t(site.work)).label;
  if ((label == Workload::Io || label == Workload::Mixed) && chosen->target == RewriteTarget::Submit)
    size = ioPoolSize(site);
  // A few chunks of computation, fixed in the code (`for (c = 0; c < 4; ++c)`), keep their
  // threads: on fewer cores the kernel shares time between uneven chunks where a core-sized pool
  // would run them one after another on the cores it has.
  else if (chosen->target != RewriteTarget::ProcessPool && site.fanoutCount > 1 && site.fanoutCount <= cpuFanoutKept)
    size = PoolSize{PoolSize::Constant, site.fanoutCount};
  if (site.model == TargetModel::ParallelFor && chosen->target == RewriteTarget::Submit)
    why = "the loop does more than start the threads, so the fix submits each task to a pool instead of a "
          "parallel_for";
  return toReplacements(program, threadPoolFix(*chosen, size));
}

std::vector<Replacement> ModelSiteCheck::coroutineFix(const AnalysisContext &context, const ConcurrencySite &site,
                                                       std::string &why) const {
  const Program &program = context.program;
  const Function &fn = program.functions()[site.function];
  const Rewrite *chosen = rewriteOf(fn, site.spawn, RewriteTarget::Coroutine);
  if (!chosen) {
    const Rewrite *submit = rewriteOf(fn, site.spawn, RewriteTarget::Submit);
    // The thread-pool planner's blocker covers what no rewrite can do (C, an old standard).
    why = submit && !submit->blocker.empty() ? submit->blocker
                                             : "concur rewrites to coroutines threads that std::thread or std::jthread "
                                               "starts in a loop";
    return {};
  }
  if (!chosen->blocker.empty()) {
    why = chosen->blocker;
    return {};
  }
  return toReplacements(program, chosen->edits);
}

PoolSize ModelSiteCheck::ioPoolSize(const ConcurrencySite &site) const {
  // Waiting work gets a worker per task, as the threads it replaces did, up to the cap.
  if (site.fanoutCount > 0)
    return PoolSize{PoolSize::Constant, std::min(site.fanoutCount, ioPoolThreads)};
  return PoolSize{PoolSize::PerTask, ioPoolThreads};
}

std::vector<Replacement> ModelSiteCheck::loopFix(const AnalysisContext &context, const ConcurrencySite &site,
                                                std::string &why) const {
  if (!site.loopMap) {
    why = "the loop does more than keep one call's result per item";
    return {};
  }
  if (!site.loopMap->blocker.empty()) {
    why = site.loopMap->blocker;
    return {};
  }
  if (std::optional<std::string> prints = printsInOrder(context.program, uint32_t(site.work))) {
    why = *prints;
    return {};
  }
  PoolSize size;
  if (context.classifier().of(uint32_t(site.work)).label == Workload::Io)
    size = ioPoolSize(site);
  return toReplacements(context.program, threadPoolFix(*site.loopMap, size));
}

void ModelSiteCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  std::vector<ConcurrencySite> sites = findConcurrencySites(context, siteOptions);
  for (const ConcurrencySite &site : sites) {
    if (site.kind != kind)
      continue;
    // Several starts of one function outside a loop are one fan-out: reported at the first.
    auto sameFanout = [&](const ConcurrencySite &other) {
      return other.function == site.function && other.work == site.work && other.kind == site.kind &&
             other.spawn >= 0 && other.loop < 0;
    };
    if (site.spawn >= 0 && site.loop < 0 && &*std::find_if(sites.begin(), sites.end(), sameFanout) != &site)
      continue;
    const Function &fn = functions[site.function];
    const Classification &work = context.classifier().of(uint32_t(site.work));
    std::string workName = functions[site.work].name;
    std::string what;
    Loc at;
    if (site.spawn >= 0) {
      const Spawn &spawn = fn.spawns[site.spawn];
      at = spawn.loc;
      std::string started = spawn.kind == SpawnKind::Async ? "std::async tasks" : "threads";
      what = site.fanoutCount >= 0 ? fmt::format("{} {}", site.fanout, started)
                                   : fmt::format("{} ({})", started, site.fanout);
    } else {
      at = fn.loops[site.loop].loc;
      what = site.fanoutCount >= 0
                 ? fmt::format("a loop of {} iterations makes independent blocking calls, one after another:",
                               site.fanout)
                 : std::string("a loop over its items makes independent blocking calls, one after another:");
    }
    std::string firstReason = work.evidence.empty() ? "" : " (" + describeFirst(program, work) + ")";
    Finding finding = this->finding(
        fmt::format("{} {} {} '{}'{}; use {}: {} [{}]", what, site.spawn >= 0 ? "run" : "it calls",
                    work.label == Workload::Trivial ? "short" : std::string(workloadName(work.label)) + "-bound",
                    workName, firstReason, modelName(site.model), site.why, modelDocs(site.model)),
        pointOf(program, at));
    finding.notes = site.evidence;
    finding.properties = {{"site", siteName(site.kind)},
                          {"model", modelName(site.model)},
                          {"work", workName},
                          {"workload", workloadName(work.label)},
                          {"fanout", site.fanout},
                          {"docs", modelDocs(site.model)}};
    if (site.mtUnsafe)
      finding.properties["mtUnsafe"] = site.mtUnsafe->calleeName;
    std::string noFix;
    bool hasNoteFix = false;
    finding.fixes = fixFor(context, site, sites, noFix);
    if (!noFix.empty())
      finding.notes.push_back(Note{(finding.fixes.empty() ? "no automatic rewrite: " : "") + noFix, finding.where, {}});
    if (site.kind == SiteKind::SerialBlockingLoop) {
      // Whether the calls may overlap is the programmer's call (the order of their side effects
      // changes), so the rewrite is offered on a note, applied by --fix-notes.
      std::string noRewrite;
      std::vector<Replacement> onNote = loopFix(context, site, noRewrite);
      hasNoteFix = !onNote.empty();
      finding.notes.push_back(
          onNote.empty() ? Note{"no automatic rewrite: " + noRewrite, finding.where, {}}
                         : Note{"the calls can overlap on a thread pool, results kept in order (applied by --fix-notes)",
                                finding.where, std::move(onNote)});
    }
    finding.properties["fix"] = !finding.fixes.empty()                          ? "rewrite"
                                : hasNoteFix                                   ? "rewrite-on-note"
                                                                               : "none";
    out.push_back(std::move(finding));
  }
}

} // namespace concur
