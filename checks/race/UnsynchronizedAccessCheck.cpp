#include "UnsynchronizedAccessCheck.h"

#include "../../analysis/Races.h"
#include "../Evidence.h"

#include "fmt/format.h"
#include "llvm/ADT/StringRef.h"

namespace concur {
namespace {

std::string heldText(const std::vector<HeldLock> &held) {
  if (held.empty())
    return "nothing";
  std::string text = "{";
  for (size_t i = 0; i < held.size(); ++i)
    text += (i ? ", " : "") + held[i].display + (held[i].shared ? " (shared)" : "");
  return text + "}";
}

/// In the context of a function and its orphaned tasks: which of them runs the access.
std::string taskName(const Program &program, const RaceContext &ctx, const ContextAccess &access, bool another) {
  const std::string &name = program.functions()[ctx.root].name;
  if (access.omp.task < 0)
    return fmt::format("'{}' itself", name);
  return fmt::format("{} task of '{}'", another ? "another" : "a", name);
}

std::string threadName(const Program &program, const ThreadReachability &threads, const RaceContext &ctx) {
  if (ctx.ompRegion >= 0) {
    const Function &fn = program.functions()[ctx.root];
    return fmt::format("the threads of the 'omp {}' region in '{}'", fn.ompRegions[ctx.ompRegion].directive, fn.name);
  }
  if (ctx.entry < 0)
    return "the main thread";
  return fmt::format("thread '{}'", program.functions()[threads.entries()[ctx.entry].function].name);
}

const char *kindName(const Access &a) { return a.kind == AccessKind::Write ? "write" : "read"; }

/// Where the thread started, then each call down to the access.
void appendPath(const Program &program, const ThreadReachability &threads, const RaceContext &ctx,
                const ContextAccess &access, std::vector<Note> &notes) {
  const auto &functions = program.functions();
  if (ctx.ompRegion >= 0) {
    const OmpRegion &region = functions[ctx.root].ompRegions[ctx.ompRegion];
    notes.push_back(Note{fmt::format("the 'omp {}' region starts here; its threads run it at once", region.directive),
                         pointOf(program, region.loc), {}});
  }
  if (ctx.entry >= 0) {
    const ThreadEntry &entry = threads.entries()[ctx.entry];
    notes.push_back(Note{fmt::format("thread '{}' started here by '{}'{}", functions[entry.function].name,
                                     functions[entry.spawner].name,
                                     ctx.selfConcurrent ? " (several instances may run at once)" : ""),
                         pointOf(program, functions[entry.spawner].spawns[entry.spawn].loc), {}});
  }
  if (ctx.taskGraph && access.omp.task >= 0)
    notes.push_back(Note{"the task starts here; the team of a region that calls '" + functions[ctx.root].name +
                             "' may run it until its creator waits for it",
                         pointOf(program, functions[ctx.root].ompTasks[access.omp.task].loc), {}});
  for (const ThreadPath::Step &step : access.path)
    notes.push_back(Note{fmt::format("'{}' calls '{}'", functions[step.caller].name, functions[step.callee].name),
                         pointOf(program, functions[step.caller].calls[step.call].loc), {}});
}

} // namespace

void UnsynchronizedAccessCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const RaceDetector &detector = context.races();
  for (const Race &race : detector.races()) {
    const Access &write = detector.accessOf(race.write), &other = detector.accessOf(race.other);
    const RaceContext &wc = detector.contexts()[race.write.context], &oc = detector.contexts()[race.other.context];
    std::string wThread = wc.taskGraph ? taskName(program, wc, race.write, false) : threadName(program, context.threads, wc);
    std::string oThread = race.write.context == race.other.context
                              ? (oc.taskGraph            ? taskName(program, oc, race.other, race.write.omp.task >= 0)
                                 : oc.ompRegion >= 0 ? "another thread of the team"
                                                     : "another instance of " + threadName(program, context.threads, oc))
                              : threadName(program, context.threads, oc);
    Finding finding = this->finding(
        fmt::format("data race on '{}': {} by {} conflicts with a {} by {}; held {} here, {} there",
                    write.display, kindName(write), wThread, kindName(other), oThread,
                    heldText(race.write.held), heldText(race.other.held)),
        pointOf(program, write.loc));
    appendPath(program, context.threads, wc, race.write, finding.notes);
    // Every use of the global is a load, store or simple read-modify-write: std::atomic<T>.
    if (llvm::StringRef(race.write.location).starts_with("g:"))
      if (const std::vector<Edit> *edits = program.atomicEdits(llvm::StringRef(race.write.location).drop_front(2)))
        for (const Edit &edit : *edits)
          finding.fixes.push_back(Replacement{program.fileOf(edit.range.begin), edit.range.begin.offset,
                                              edit.range.length, edit.text});
    finding.notes.push_back(Note{fmt::format("conflicting {} of '{}' by {}, holding {}", kindName(other),
                                             other.display, oThread, heldText(race.other.held)),
                                 pointOf(program, other.loc), {}});
    if (race.write.context != race.other.context)
      appendPath(program, context.threads, oc, race.other, finding.notes);
    else if (oc.taskGraph && race.other.omp.task >= 0 && race.other.omp.task != race.write.omp.task)
      appendPath(program, context.threads, oc, race.other, finding.notes);
    else // the same thread or team: only the calls down to the other access are new
      for (const ThreadPath::Step &step : race.other.path)
        finding.notes.push_back(Note{fmt::format("'{}' calls '{}'", program.functions()[step.caller].name,
                                                 program.functions()[step.callee].name),
                                     pointOf(program, program.functions()[step.caller].calls[step.call].loc), {}});
    out.push_back(std::move(finding));
  }
}

} // namespace concur
