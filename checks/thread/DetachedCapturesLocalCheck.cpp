#include "DetachedCapturesLocalCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"

namespace concur {

void DetachedCapturesLocalCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  for (const Function &fn : program.functions())
    for (const Spawn &spawn : fn.spawns) {
      if (!spawn.detached || spawn.borrowedLocal.empty())
        continue;
      out.push_back(finding(
          fmt::format("detached thread running '{}' uses '{}', a local of '{}', by reference: '{}' may "
                      "return and '{}' die while the thread still uses it; pass it by value, or join "
                      "the thread before returning",
                      spawn.entryName, spawn.borrowedLocal, fn.name, fn.name, spawn.borrowedLocal),
          pointOf(program, spawn.loc)));
    }
}

} // namespace concur
