#include "Blocking.h"

#include "llvm/ADT/StringRef.h"

namespace concur {

bool BlockingCalls::blocksItself(const Call &call) const {
  if (call.kind == CallKind::Reference || call.kind == CallKind::Callback)
    return false;
  if (call.effect.io != IoKind::None && !call.effect.nonBlocking) {
    // Writing a line to the terminal does not wait on anyone in practice; reading does.
    llvm::StringRef name = call.calleeName;
    bool terminalOutput = call.effect.io == IoKind::Terminal && !name.contains("get") &&
                          !name.contains("scan") && !name.contains("read") && !name.contains(">>");
    return !terminalOutput;
  }
  return includeSync && call.effect.sync != SyncKind::None;
}

BlockingCalls::BlockingCalls(const Program &program, bool includeSync, bool underCallersLock)
    : program(program), includeSync(includeSync), underCallersLock(underCallersLock) {
  const auto &functions = program.functions();
  chains.assign(functions.size(), std::nullopt);
  // Bottom-up over SCCs: a callee's chain is known before its callers look at it. Within a
  // cycle, a few rounds let a chain found in one member reach the others.
  for (const auto &scc : program.bottomUpSCCs())
    for (int round = 0; round < 3; ++round)
      for (uint32_t f : scc) {
        if (chains[f])
          continue;
        const Function &fn = functions[f];
        for (uint32_t c = 0; c < fn.calls.size() && !chains[f]; ++c)
          if (blocksItself(fn.calls[c]) && !(underCallersLock && fn.calls[c].afterUnlock))
            chains[f] = BlockingChain{{f, c}};
        if (chains[f])
          continue;
        for (const Edge &e : program.callees(f)) {
          const Call &call = fn.calls[e.call];
          if (call.kind == CallKind::Reference || call.kind == CallKind::Callback)
            continue; // callbacks run wherever the receiver runs them
          if (underCallersLock && call.afterUnlock)
            continue;
          if (functions[e.callee].isCoroutine)
            continue; // calling a coroutine only creates it; its body runs when awaited
          if (const auto &inner = chains[e.callee]) {
            BlockingChain chain{{f, e.call}};
            chain.insert(chain.end(), inner->begin(), inner->end());
            chains[f] = std::move(chain);
            break;
          }
        }
      }
}

} // namespace concur
