// The concur-lock-inconsistent fix: wrap an unguarded statement in a std::lock_guard on the
// mutex the variable's other accesses hold, when phase 1 showed the wrap keeps the statement's
// meaning and the function can name that mutex.
#pragma once

#include "../Finding.h"

#include "../../analysis/Races.h"

namespace concur {

/// The edits that make `access` (of function `function`) run under `mutex`, a lock location
/// as the contexts `seen` (where the access was reached) name it; empty when the statement
/// cannot be wrapped or no std::mutex the function can name is that lock in every context.
/// The caller has shown that no lock is held there and every other access holds `mutex`.
std::vector<Replacement> guardFix(const Program &program, uint32_t function, const Access &access,
                                  const std::vector<const ContextAccess *> &seen, const std::string &mutex);

} // namespace concur
