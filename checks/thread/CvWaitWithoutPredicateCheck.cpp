#include "CvWaitWithoutPredicateCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"
#include "llvm/ADT/StringRef.h"

namespace concur {
namespace {

/// The arguments of the overloads without a predicate: wait(lock), wait_for(lock, d),
/// wait_until(lock, t); pthread_cond_wait(cv, m), pthread_cond_timedwait(cv, m, t).
int argumentsWithoutPredicate(llvm::StringRef name) {
  if (name.ends_with("condition_variable::wait") || name.ends_with("condition_variable_any::wait"))
    return 1;
  if (name.ends_with("condition_variable::wait_for") || name.ends_with("condition_variable::wait_until") ||
      name.ends_with("condition_variable_any::wait_for") || name.ends_with("condition_variable_any::wait_until"))
    return 2;
  if (name == "pthread_cond_wait")
    return 2;
  if (name == "pthread_cond_timedwait")
    return 3;
  return -1;
}

} // namespace

void CvWaitWithoutPredicateCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  // A wrapper (`CondVar::Wait`) whose every caller waits in a loop is used correctly.
  auto callersLoop = [&](uint32_t f) {
    bool any = false;
    for (uint32_t caller : program.callers(f))
      for (const Edge &e : program.callees(caller))
        if (e.callee == f) {
          any = true;
          if (functions[caller].calls[e.call].loop < 0)
            return false;
        }
    return any;
  };
  for (uint32_t f = 0; f < functions.size(); ++f)
    for (const Call &call : functions[f].calls) {
      int plain = argumentsWithoutPredicate(call.calleeName);
      if (plain < 0 || int(call.argCount) != plain || call.loop >= 0 || callersLoop(f))
        continue;
      out.push_back(finding(
          fmt::format("'{}' without a predicate and outside a loop: a spurious wakeup, or one meant for "
                      "another waiter, continues as if the condition held; pass the predicate "
                      "(cv.wait(lock, [&] {{ return ready; }})) or wait in a loop that re-checks it",
                      call.calleeName),
          pointOf(program, call.loc)));
    }
}

} // namespace concur
