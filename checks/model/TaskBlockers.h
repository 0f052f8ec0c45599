// Why the work a thread runs cannot become a task on a pool, whatever the rewrite's shape: it
// waits for other tasks, keeps per-thread state, ends its thread itself, or (for a process pool)
// shares memory with its caller that a worker process would only copy.
#pragma once

#include "ConcurrencySites.h"

#include <optional>
#include <string>

namespace concur {

/// Whether the threads running `work` must all run at once, each waiting for what the others do
/// (a barrier, a flag or condition variable the work both waits on and signals): they are one
/// cooperating group, not a fan-out of tasks.
bool waitsForSiblings(const Program &program, uint32_t work);

/// The reason `work` cannot run as one of several tasks on a pool's threads, or nothing.
std::optional<std::string> poolTaskBlocker(const Program &program, uint32_t work);

/// The reason `work` cannot run in a process pool's worker even though its arguments and result
/// can be copied: it writes memory the caller would read, or draws from a random stream the
/// caller seeded. Nothing when it can.
std::optional<std::string> processTaskBlocker(const Program &program, uint32_t work);

/// The reason calls of `work` cannot overlap where they ran one after another: it prints, and
/// the lines would come out in the order the calls finish. Nothing when it does not print.
std::optional<std::string> printsInOrder(const Program &program, uint32_t work);

} // namespace concur
