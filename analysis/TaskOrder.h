// OpenMP explicit tasks: when two accesses of one function, at least one in a task's body, may
// run at once. A task runs from its creation until a taskwait of its creator, the end of a
// taskgroup around it, or a wait that depends on it; `depend` clauses order sibling tasks;
// barriers (the caller compares phases first) end every task of the team.
#pragma once

#include "Summary.h"

namespace concur {

/// Whether a task or wait with dependence `later` must wait for an earlier sibling with
/// dependence `earlier` on the same object: all but in/in and inoutset/inoutset, and
/// mutexinoutset pairs, which exclude each other without an order.
bool dependencesOrder(DependType earlier, DependType later);

/// Where an access happens, for the task rules.
struct TaskPoint {
  const OmpPlace &place;
  uint32_t at;              // offset in the function (a callee's access: its call's)
  int32_t loop;             // innermost loop of the function around `at`
  const std::string &index; // element index shape, compared with place.indexLoop
};

class TaskOrder {
public:
  /// `team`: every thread of a team runs the function's own code (a parallel region), not one
  /// thread (a function whose orphaned tasks its callers' teams run).
  TaskOrder(const Function &fn, bool team) : fn(fn), team(team) {}

  /// Accesses of the function, at least one in an explicit task, in one phase of the region.
  bool mayOverlap(const TaskPoint &a, const TaskPoint &b) const;

private:
  const OmpTask &task(int32_t t) const { return fn.ompTasks[size_t(t)]; }
  /// Different threads may create instances of it at once: team code outside any `single`.
  bool createdByMany(int32_t t) const;
  /// Two instances of the task may run at once.
  bool instancesOverlap(int32_t t) const;
  /// Whether task `t` (`child` or a descendant of it) is done when `child` is: every task on
  /// the way waits for the one it made.
  bool doneWith(int32_t t, int32_t child) const;
  /// The offset in the creator's code of `child` (a task its creator made) by which task `t`,
  /// `child` or a descendant of it, has finished.
  uint32_t finishedBy(int32_t t, int32_t child) const;
  /// An access of the creator's own code against task `t` inside its child `child`.
  bool codeMeetsTask(const TaskPoint &code, int32_t child, int32_t t, bool sameIteration) const;
  /// Accesses in tasks `ta` and `tb` under the sibling tasks `x` and `y`.
  bool siblingsOverlap(int32_t x, int32_t ta, int32_t y, int32_t tb, bool sameIteration) const;
  bool loopWithin(int32_t loop, int32_t ancestor) const;

  const Function &fn;
  bool team;
};

} // namespace concur
