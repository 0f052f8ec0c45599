#include "DoubleCheckedLockingCheck.h"

#include "../../analysis/Threads.h"
#include "../Evidence.h"

#include "fmt/format.h"
#include <set>

namespace concur {

void DoubleCheckedLockingCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  for (uint32_t f = 0; f < functions.size(); ++f) {
    if (!context.threads.runsOnThread(f) && !functions[f].isMain)
      continue;
    const Function &fn = functions[f];
    std::set<std::string> reported;
    // The shape: an unlocked read of X, later a locked read of X and a locked write of X.
    for (const Access &check : fn.accesses) {
      if (check.kind != AccessKind::Read || check.atomic || !check.held.empty() || reported.count(check.location))
        continue;
      const Access *recheck = nullptr, *set = nullptr;
      for (const Access &a : fn.accesses) {
        if (a.location != check.location || a.loc.offset <= check.loc.offset || a.held.empty() || a.atomic)
          continue;
        if (a.kind == AccessKind::Read && !recheck)
          recheck = &a;
        if (a.kind == AccessKind::Write && recheck && !set && a.loc.offset > recheck->loc.offset)
          set = &a;
      }
      if (!recheck || !set)
        continue;
      reported.insert(check.location);
      Finding finding = this->finding(
          fmt::format("double-checked locking on '{}', which is not atomic: the first check reads it "
                      "without '{}' while another thread may be setting it, and may see it set before "
                      "what it guards is written; make it std::atomic<bool> (acquire/release) or use "
                      "std::call_once",
                      check.display, set->held.front().display),
          pointOf(program, check.loc));
      finding.notes.push_back(Note{fmt::format("checked again under '{}'", recheck->held.front().display),
                                   pointOf(program, recheck->loc), {}});
      finding.notes.push_back(Note{"and set here", pointOf(program, set->loc), {}});
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
