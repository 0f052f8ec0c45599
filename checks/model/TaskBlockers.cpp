#include "TaskBlockers.h"

#include "../Evidence.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

#include "fmt/format.h"

#include <algorithm>
#include <set>

namespace concur {

namespace {

std::string where(const Program &program, const Loc &loc) {
  SourcePoint at = pointOf(program, loc);
  return fmt::format("{}:{}", llvm::sys::path::filename(at.file).str(), at.line);
}

const Call *firstCall(const Program &program, uint32_t work, llvm::function_ref<bool(const Call &)> test) {
  const Call *found = nullptr;
  firstReachable(program, work, [&](const Function &f) {
    for (const Call &call : f.calls)
      if (test(call))
        return (found = &call), true;
    return false;
  });
  return found;
}

} // namespace

bool waitsForSiblings(const Program &program, uint32_t work) {
  // What the work waits on and what it signals, by object; a local of a frame the work runs is
  // each task's own, so it says nothing about the siblings.
  std::set<std::string> awaited, signalled;
  firstReachable(program, work, [&](const Function &f) {
    auto shared = [&](llvm::StringRef object) {
      return !object.empty() && !(object.starts_with("l:") && localDeclaredIn(object, f.usr));
    };
    for (const HandOff &h : f.handOffs) {
      if (!shared(h.object))
        continue;
      if (h.role != HandOffRole::Await)
        signalled.insert(h.object);
      // A rendezvous (a barrier, a latch) or a spin waits for the others to arrive; a blocking
      // acquire of a semaphore it releases itself only limits how many run at once.
      bool blockingAcquire = h.call >= 0 && f.calls[h.call].effect.sync == SyncKind::Wait;
      if (h.role != HandOffRole::Signal && (h.rendezvous || !blockingAcquire))
        awaited.insert(h.object);
    }
    // A condition variable orders nothing by itself, so it makes no hand-off: its wait is a
    // blocking wait without one, and a notify an atomic call on the same object.
    for (const Call &c : f.calls) {
      if (c.args.empty() || !shared(c.args.front().location))
        continue;
      bool makesHandOff = std::any_of(f.handOffs.begin(), f.handOffs.end(),
                                      [&](const HandOff &h) { return h.call == &c - f.calls.data(); });
      if (makesHandOff)
        continue;
      if (c.effect.sync == SyncKind::Wait)
        awaited.insert(c.args.front().location);
      else if (c.effect.sync == SyncKind::None && c.effect.atomic && c.acquires.empty())
        signalled.insert(c.args.front().location);
    }
    return false;
  });
  return std::any_of(awaited.begin(), awaited.end(), [&](const std::string &object) { return signalled.count(object); });
}

std::optional<std::string> poolTaskBlocker(const Program &program, uint32_t work) {
  const std::string &name = program.functions()[work].name;
  if (const Call *wait = firstCall(program, work, [](const Call &c) {
        return c.effect.sync == SyncKind::Wait || c.effect.sync == SyncKind::Barrier;
      }))
    return fmt::format("'{}' waits for other work ('{}' at {}): with fewer workers than tasks it could wait forever",
                       name, wait->calleeName, where(program, wait->loc));
  if (const Function *state = firstReachable(program, work, [](const Function &f) { return f.usesThreadLocal; }))
    return fmt::format("'{}' keeps thread_local state, which a pool's worker would carry from task to task",
                       state->name);
  if (const Call *exit = firstCall(program, work, [](const Call &c) { return c.calleeName == "pthread_exit"; }))
    return fmt::format("'{}' ends its thread with pthread_exit (at {}), which would end a pool's worker instead",
                       name, where(program, exit->loc));
  return std::nullopt;
}

std::optional<std::string> processTaskBlocker(const Program &program, uint32_t work) {
  const std::string &name = program.functions()[work].name;
  const Access *shared = nullptr;
  firstReachable(program, work, [&](const Function &f) {
    for (const Access &a : f.accesses)
      if (a.kind == AccessKind::Write && a.location.starts_with("g:"))
        return (shared = &a), true;
    return false;
  });
  if (shared)
    return fmt::format("'{}' writes '{}' (at {}), which in a worker process would change only the worker's copy",
                       name, shared->display, where(program, shared->loc));
  // A stream of the process (models' random_stream): a worker process replays the stream from
  // its seed where the threads drew successive numbers from one stream.
  const Call *draw =
      firstCall(program, work, [](const Call &c) { return c.effect.randomStream == RandomStream::Draws; });
  const Call *seed =
      firstCall(program, work, [](const Call &c) { return c.effect.randomStream == RandomStream::Seeds; });
  if (draw && !seed)
    return fmt::format("'{}' draws from the process's '{}' stream (at {}), which each worker process would replay "
                       "from the start",
                       name, draw->calleeName, where(program, draw->loc));
  return std::nullopt;
}

std::optional<std::string> printsInOrder(const Program &program, uint32_t work) {
  if (const Call *print = firstCall(program, work, [](const Call &c) { return c.effect.io == IoKind::Terminal; }))
    return fmt::format("'{}' prints ('{}' at {}), and the lines would come out in the order the calls finish",
                       program.functions()[work].name, print->calleeName, where(program, print->loc));
  return std::nullopt;
}

} // namespace concur
