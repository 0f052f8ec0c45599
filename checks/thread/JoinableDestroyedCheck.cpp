#include "JoinableDestroyedCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"
#include <set>

namespace concur {
namespace {

std::string what(const UnjoinedThread &u) {
  if (u.event == "reassigned")
    return fmt::format("std::thread '{}' is assigned a new thread here while it may still be joinable", u.variable);
  if (u.event == "cleared")
    return fmt::format("'{}' is cleared here while it may still hold joinable threads", u.variable);
  std::string subject = u.container ? fmt::format("'{}' may still hold joinable threads", u.variable)
                                    : fmt::format("std::thread '{}' may still be joinable", u.variable);
  if (u.event == "return")
    return subject + " when this return destroys it";
  if (u.event == "jump")
    return subject + " when this jump leaves its scope";
  return subject + " when its scope ends here";
}

} // namespace

void JoinableDestroyedCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  for (const Function &fn : program.functions()) {
    // Several exits of one function may leak the same thread: one finding, the first exit,
    // with the others as notes.
    std::set<std::string> reported;
    for (const UnjoinedThread &u : fn.unjoinedThreads) {
      if (!reported.insert(u.variable).second)
        continue;
      Finding finding = this->finding(
          what(u) + ": it was neither joined nor detached on some path since it started, and "
                    "destroying or overwriting a joinable std::thread calls std::terminate",
          pointOf(program, u.loc));
      finding.notes.push_back(Note{fmt::format("'{}' started a thread here", u.variable), pointOf(program, u.started), {}});
      for (const UnjoinedThread &other : fn.unjoinedThreads)
        if (&other != &u && other.variable == u.variable)
          finding.notes.push_back(Note{"and may still be joinable here", pointOf(program, other.loc), {}});
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
