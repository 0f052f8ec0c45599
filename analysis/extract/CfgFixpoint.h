// The forward dataflow loop both CFG analyses of phase 1 run (the lockset in FunctionFacts, the
// thread lifetimes in ThreadLifetimes): iterate the blocks until nothing changes.
#pragma once

#include "clang/Analysis/CFG.h"

#include <vector>

namespace concur {

/// The state at the entry of every block. `entry` is the function's entry state; a block's
/// state is the meet, over its reachable predecessors, of `edge(pred, predOut, block)` (the
/// predecessor's exit state as seen along that edge); `transfer` applies one element. State
/// needs `reached` (false: no path yet), `==`, and a default that is the meet's identity.
template <typename State, typename Meet, typename Edge, typename Transfer>
std::vector<State> forwardFixpoint(const clang::CFG &cfg, const std::vector<const clang::CFGBlock *> &order,
                                   State entry, int maxRounds, Meet meet, Edge edge, Transfer transfer) {
  std::vector<State> in(cfg.getNumBlockIDs()), out(cfg.getNumBlockIDs());
  in[cfg.getEntry().getBlockID()] = std::move(entry);
  for (int round = 0; round < maxRounds; ++round) {
    bool changed = false;
    for (const clang::CFGBlock *block : order) {
      State state = in[block->getBlockID()];
      if (block != &cfg.getEntry()) {
        state = State();
        for (auto pred = block->pred_begin(); pred != block->pred_end(); ++pred)
          if (const clang::CFGBlock *p = pred->getReachableBlock())
            state = meet(state, edge(*p, out[p->getBlockID()], block));
        in[block->getBlockID()] = state;
      }
      if (!state.reached)
        continue;
      for (const clang::CFGElement &element : *block)
        transfer(state, element);
      if (!(state == out[block->getBlockID()])) {
        out[block->getBlockID()] = std::move(state);
        changed = true;
      }
    }
    if (!changed)
      break;
  }
  return in;
}

} // namespace concur
