#include "LockOrderInversionCheck.h"

#include "../../analysis/Races.h"
#include "../Evidence.h"

#include "fmt/format.h"
#include <set>

namespace concur {
namespace {

std::string contextName(const Program &program, const ThreadReachability &threads, const RaceContext &ctx) {
  if (ctx.entry < 0)
    return "the main thread";
  return fmt::format("thread '{}'", program.functions()[threads.entries()[ctx.entry].function].name);
}

/// A third lock held at both acquisitions serializes them: no deadlock.
bool gated(const LockEdge &a, const LockEdge &b) {
  for (const HeldLock &x : a.alsoHeld)
    for (const HeldLock &y : b.alsoHeld)
      if (x.lock == y.lock && x.lock != a.from.lock && x.lock != a.to.lock)
        return true;
  return false;
}

} // namespace

void LockOrderInversionCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const RaceDetector &detector = context.races();
  const auto &edges = detector.lockEdges();
  std::set<std::pair<std::string, std::string>> reported;
  for (size_t i = 0; i < edges.size(); ++i)
    for (size_t j = 0; j < edges.size(); ++j) {
      const LockEdge &a = edges[i], &b = edges[j];
      if (a.from.lock != b.to.lock || a.to.lock != b.from.lock || a.from.lock > a.to.lock)
        continue;
      if (!detector.contextsOverlap(a.context, b.context) || gated(a, b))
        continue;
      if (!reported.insert({a.from.lock, a.to.lock}).second)
        continue;
      const Call &first = program.functions()[a.function].calls[a.call];
      const Call &second = program.functions()[b.function].calls[b.call];
      const RaceContext &ca = detector.contexts()[a.context], &cb = detector.contexts()[b.context];
      Finding finding = this->finding(
          fmt::format("lock-order inversion: {} takes '{}' while holding '{}', and {} takes them in the "
                      "opposite order; each can wait for the other forever (take both with std::scoped_lock "
                      "or always in one order)",
                      contextName(program, context.threads, ca), a.to.display, a.from.display,
                      a.context == b.context ? "another instance of it" : contextName(program, context.threads, cb)),
          pointOf(program, first.loc));
      finding.notes.push_back(Note{fmt::format("'{}' is taken here while '{}' is held", b.to.display, b.from.display),
                                   pointOf(program, second.loc), {}});
      out.push_back(std::move(finding));
    }
}

} // namespace concur
