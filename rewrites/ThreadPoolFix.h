// The thread-pool rewrite's last step: phase 1 found the edits (analysis/extract/RewritePlans),
// the concur-model-* check chose the rewrite and the pool's size; this writes the pool.
#pragma once

#include "../analysis/Summary.h"

#include <optional>
#include <string>
#include <vector>

namespace concur {

/// `rewrite`'s edits plus the declaration of its pool (`concur::thread_pool pool(8);`, or the
/// default size, one worker per core, when `threads` is empty).
std::vector<Edit> threadPoolFix(const Rewrite &rewrite, std::optional<int64_t> threads);

} // namespace concur
