// Where a function blocks: the first call chain from it to a call that waits (blocking I/O,
// a sleep, or, when asked, a wait on another thread). Used by the blocking-call checks.
#pragma once

#include "Program.h"

#include <optional>
#include <vector>

namespace concur {

struct BlockingStep {
  uint32_t function; // the function making the call
  uint32_t call;     // index into its calls
};

/// The calls from a function down to the blocking call, outermost first.
using BlockingChain = std::vector<BlockingStep>;

class BlockingCalls {
public:
  /// `includeSync`: waits on other threads (lock, wait, join, get, barrier) count as blocking.
  /// `underCallersLock`: only calls made while a caller's locks may still be held count (a
  /// function that unlocks its caller's mutex before blocking does not block under it).
  BlockingCalls(const Program &program, bool includeSync, bool underCallersLock = false);

  /// A chain to a blocking call made by `function` or its callees, if there is one.
  const std::optional<BlockingChain> &from(uint32_t function) const { return chains[function]; }
  /// True when this call itself blocks (a modelled library call).
  bool blocksItself(const Call &call) const;

private:
  const Program &program;
  bool includeSync;
  bool underCallersLock;
  std::vector<std::optional<BlockingChain>> chains;
};

} // namespace concur
