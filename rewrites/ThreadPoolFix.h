// The thread-pool rewrite's last step: phase 1 found the edits (analysis/extract/RewritePlans),
// the concur-model-* check chose the rewrite and the pool's size; this writes the pool.
#pragma once

#include "../analysis/Summary.h"

#include <string>
#include <vector>

namespace concur {

/// How many workers the pool gets.
struct PoolSize {
  enum Kind { Cores, Constant, PerTask } kind = Cores;
  int64_t threads = 0; // Constant: the count; PerTask: the cap on the rewrite's `fanout`
};

/// `rewrite`'s edits plus the declaration of its pool: `concur::thread_pool pool;` (one worker
/// per core), `pool(8)`, or `pool(std::clamp<std::size_t>(urls.size(), 1, 32))`.
std::vector<Edit> threadPoolFix(const Rewrite &rewrite, PoolSize size);

} // namespace concur
