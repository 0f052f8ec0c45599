#include "LockBlockingCallCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"

namespace concur {
namespace {

std::string lockList(const std::vector<HeldLock> &held) {
  std::string text;
  for (const HeldLock &lock : held)
    text += (text.empty() ? "'" : ", '") + lock.display + "'";
  return text;
}

} // namespace

void LockBlockingCallCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  BlockingCalls blocking(program, /*includeSync=*/false, /*underCallersLock=*/true);
  for (uint32_t f = 0; f < functions.size(); ++f) {
    const Function &fn = functions[f];
    std::vector<std::vector<uint32_t>> targets(fn.calls.size());
    for (const Edge &e : program.callees(f))
      targets[e.call].push_back(e.callee);
    for (uint32_t c = 0; c < fn.calls.size(); ++c) {
      const Call &call = fn.calls[c];
      if (call.held.empty())
        continue;
      std::vector<HeldLock> exclusive;
      for (const HeldLock &lock : call.held)
        exclusive.push_back(lock);
      if (call.calleeName == "co_await") {
        out.push_back(finding(fmt::format("'co_await' suspends '{}' while it holds {}: another coroutine "
                                          "on this thread that takes the lock deadlocks, and the lock "
                                          "may be released on another thread",
                                          fn.name, lockList(exclusive)),
                              pointOf(program, call.loc)));
        continue;
      }
      BlockingChain chain;
      if (blocking.blocksItself(call)) {
        chain = {{f, c}};
      } else if (call.kind == CallKind::Direct || call.kind == CallKind::Virtual) {
        for (uint32_t t : targets[c])
          if (const auto &inner = blocking.from(t)) {
            chain = {{f, c}};
            chain.insert(chain.end(), inner->begin(), inner->end());
            break;
          }
      }
      if (chain.empty())
        continue;
      const Call &blocker = functions[chain.back().function].calls[chain.back().call];
      std::string via = chain.size() > 1 ? fmt::format(" (through '{}')", call.calleeName) : "";
      Finding finding = this->finding(
          fmt::format("'{}' {} while {} is held{}; every thread that needs the lock waits too",
                      blocker.calleeName, blockingReason(blocker), lockList(exclusive), via),
          pointOf(program, call.loc));
      appendBlockingNotes(program, chain, finding.notes);
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
