#include "CoroBlockingCallCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"

namespace concur {

void CoroBlockingCallCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  BlockingCalls blocking(program, /*includeSync=*/true);
  for (uint32_t f = 0; f < functions.size(); ++f) {
    const Function &coroutine = functions[f];
    if (!coroutine.isCoroutine)
      continue;
    // Each blocking call of the coroutine's own body, direct or through a callee, once.
    std::vector<std::pair<uint32_t, BlockingChain>> sites;
    for (uint32_t c = 0; c < coroutine.calls.size(); ++c)
      if (blocking.blocksItself(coroutine.calls[c]))
        sites.push_back({c, BlockingChain{{f, c}}});
    for (const Edge &e : program.callees(f)) {
      const Call &call = coroutine.calls[e.call];
      if (call.kind == CallKind::Reference || call.kind == CallKind::Callback ||
          functions[e.callee].isCoroutine || blocking.blocksItself(call))
        continue;
      if (const auto &inner = blocking.from(e.callee)) {
        BlockingChain chain{{f, e.call}};
        chain.insert(chain.end(), inner->begin(), inner->end());
        bool seen = false;
        for (const auto &site : sites)
          seen |= site.first == e.call;
        if (!seen)
          sites.push_back({e.call, std::move(chain)});
      }
    }
    for (const auto &[callIndex, chain] : sites) {
      const Call &first = coroutine.calls[callIndex];
      const auto &last = chain.back();
      const Call &blocker = functions[last.function].calls[last.call];
      std::string via = chain.size() > 1 ? fmt::format(" through '{}'", first.calleeName) : "";
      Finding finding = this->finding(
          fmt::format("coroutine '{}' blocks its thread: '{}' {}{}; await an asynchronous "
                      "operation or move the call to concur::to_thread",
                      coroutine.name, blocker.calleeName, blockingReason(blocker), via),
          pointOf(program, first.loc));
      appendBlockingNotes(program, chain, finding.notes);
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
