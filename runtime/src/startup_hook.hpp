// Lets the process pool act before the runtime starts its first thread, without the thread pool
// depending on the process pool: a program that registers functions for workers gets its fork
// server started while it is still single-threaded (as far as the runtime's threads go).
#pragma once

namespace concur::detail {

/// Called (at most once per process, cheaply) before the runtime creates a thread.
void before_runtime_threads() noexcept;
/// Installs what before_runtime_threads() runs; the last one installed wins.
void set_before_runtime_threads(void (*hook)() noexcept) noexcept;

} // namespace concur::detail
