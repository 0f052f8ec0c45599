#include "TaskOrder.h"

#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <vector>

namespace concur {

bool dependencesOrder(DependType earlier, DependType later) {
  if (earlier != later)
    return true;
  return earlier == DependType::Out;
}

namespace {

/// The task and its ancestors, innermost first; empty for the implicit task.
std::vector<int32_t> chainOf(const Function &fn, int32_t t) {
  std::vector<int32_t> chain;
  for (; t >= 0; t = fn.ompTasks[size_t(t)].parent)
    chain.push_back(t);
  return chain;
}

/// The member of `chain` just inside `common` (-1 when the chain ends at `common`).
int32_t childOf(const std::vector<int32_t> &chain, int32_t common) {
  if (chain.empty() || chain.front() == common)
    return -1;
  for (size_t i = 1; i < chain.size(); ++i)
    if (chain[i] == common)
      return chain[i - 1];
  return chain.back(); // `common` is the implicit task
}

} // namespace

bool TaskOrder::loopWithin(int32_t loop, int32_t ancestor) const {
  for (int32_t l = loop; l >= 0; l = fn.loops[size_t(l)].parent)
    if (l == ancestor)
      return true;
  return false;
}

bool TaskOrder::createdByMany(int32_t t) const {
  const OmpTask &k = task(t);
  return team && k.parent < 0 && k.place.single < 0;
}

bool TaskOrder::instancesOverlap(int32_t t) const {
  const OmpTask &k = task(t);
  if (k.taskloop || createdByMany(t) || (k.parent >= 0 && instancesOverlap(k.parent)))
    return true;
  if (k.loop < 0 || k.completedInIteration)
    return false;
  for (const OmpDepend &d : k.depends) // each instance depends on the one made before it
    if (!d.perInstance && dependencesOrder(d.type, d.type))
      return false;
  return true;
}

bool TaskOrder::doneWith(int32_t t, int32_t child) const {
  for (int32_t n = t; n != child; n = task(n).parent)
    if (task(n).completedAt == UINT32_MAX)
      return false;
  return true;
}

uint32_t TaskOrder::finishedBy(int32_t t, int32_t child) const {
  // A taskgroup waits for every descendant; a taskwait for the child, which waits for `t` only
  // if every task on the way waits for the one it made.
  return doneWith(t, child) ? std::min(task(child).groupEnd, task(child).completedAt) : task(child).groupEnd;
}

bool TaskOrder::codeMeetsTask(const TaskPoint &code, int32_t child, int32_t t, bool sameIteration) const {
  const OmpTask &c = task(child);
  if (!sameIteration && createdByMany(child))
    return true; // another thread's task
  if (team && c.parent < 0 && code.place.single != c.place.single)
    return true; // the task's creator is another thread
  uint32_t done = finishedBy(t, child);
  if (code.at >= c.end)
    return code.at < done;
  // Before the construct: only an earlier iteration's task, if it may outlive its iteration.
  bool inCreationLoop = c.loop >= 0 && loopWithin(code.loop, c.loop);
  return inCreationLoop && !sameIteration && !(c.completedInIteration && doneWith(t, child));
}

bool TaskOrder::siblingsOverlap(int32_t x, int32_t ta, int32_t y, int32_t tb, bool sameIteration) const {
  const OmpTask &X = task(x), &Y = task(y);
  if (!sameIteration && (createdByMany(x) || createdByMany(y)))
    return true;
  if (team && X.parent < 0 && X.place.single != Y.place.single)
    return true; // made by different threads
  bool xFirst = X.loc.offset <= Y.loc.offset;
  int32_t f = xFirst ? x : y, s = xFirst ? y : x, tf = xFirst ? ta : tb, ts = xFirst ? tb : ta;
  const OmpTask &F = task(f), &S = task(s);
  bool fDone = finishedBy(tf, f) <= S.loc.offset;
  bool depends = false;
  if (doneWith(tf, f)) // the later task waits for all of the earlier one
    for (const OmpDepend &a : F.depends)
      for (const OmpDepend &b : S.depends)
        depends |= a.object == b.object && dependencesOrder(a.type, b.type) &&
                   (sameIteration || (!a.perInstance && !b.perInstance));
  if (!fDone && !depends)
    return true;
  // In a loop around both, an earlier iteration's later task meets this iteration's earlier one.
  bool sharedLoop = false;
  for (int32_t l = F.loop; l >= 0 && !sharedLoop; l = fn.loops[size_t(l)].parent)
    sharedLoop = S.loop >= 0 && loopWithin(S.loop, l);
  if (sharedLoop && !sameIteration && !depends)
    return !(S.completedInIteration && doneWith(ts, s));
  return false;
}

bool TaskOrder::mayOverlap(const TaskPoint &a, const TaskPoint &b) const {
  int32_t ta = a.place.task, tb = b.place.task;
  // Accesses indexed by the same loop variable touch one element only in one iteration.
  bool sameIteration = !a.index.empty() && a.index == b.index && llvm::StringRef(a.index).starts_with("iv") &&
                       a.place.indexLoop >= 0 && a.place.indexLoop == b.place.indexLoop;
  if (ta == tb)
    return ta >= 0 && !sameIteration && instancesOverlap(ta);
  std::vector<int32_t> ca = chainOf(fn, ta), cb = chainOf(fn, tb);
  int32_t common = -1;
  for (int32_t t : ca)
    if (std::find(cb.begin(), cb.end(), t) != cb.end()) {
      common = t;
      break;
    }
  if (common >= 0 && !sameIteration && instancesOverlap(common))
    return true; // two instances of the task that made both
  int32_t x = childOf(ca, common), y = childOf(cb, common);
  if (x < 0)
    return codeMeetsTask(a, y, tb, sameIteration);
  if (y < 0)
    return codeMeetsTask(b, x, ta, sameIteration);
  return siblingsOverlap(x, ta, y, tb, sameIteration);
}

} // namespace concur
