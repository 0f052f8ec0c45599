#include "startup_hook.hpp"

#include <atomic>

namespace concur::detail {

namespace {
std::atomic<void (*)() noexcept> hook{nullptr};
} // namespace

void before_runtime_threads() noexcept {
  if (auto run = hook.exchange(nullptr)) run();
}

void set_before_runtime_threads(void (*h)() noexcept) noexcept { hook.store(h); }

} // namespace concur::detail
