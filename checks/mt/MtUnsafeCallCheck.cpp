#include "MtUnsafeCallCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"

namespace concur {

void MtUnsafeCallCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  for (uint32_t f = 0; f < functions.size(); ++f) {
    if (!context.threads.runsOnThread(f))
      continue;
    const Function &function = functions[f];
    for (const Call &call : function.calls) {
      if (call.effect.mtUnsafe.empty())
        continue;
      uint32_t entry = context.threads.entriesReaching(f).front();
      const ThreadEntry &thread = context.threads.entries()[entry];
      Finding finding = this->finding(
          fmt::format("'{}' is not thread-safe ({}), and '{}' runs on a thread started in '{}'",
                      call.calleeName, call.effect.mtUnsafe, function.name,
                      functions[thread.spawner].name),
          pointOf(program, call.loc));
      if (std::optional<ThreadPath> path = context.threads.pathTo(entry, f))
        appendThreadPathNotes(program, *path, finding.notes);
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
