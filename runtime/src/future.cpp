#include <concur/future.hpp>

#include <cstdio>
#include <exception>
#include <typeinfo>

namespace concur::detail {

namespace {
thread_local wait_helper* current_helper = nullptr;
} // namespace

wait_helper* current_wait_helper() noexcept { return current_helper; }
void set_current_wait_helper(wait_helper* helper) noexcept { current_helper = helper; }

void state_base::invoke_callback(unique_function<void()>& callback) noexcept {
  try {
    callback();
  } catch (const std::exception& e) {
    // Python logs and carries on: the future is already complete, so there is nobody to tell.
    std::fprintf(stderr, "concur: exception in a future's done callback: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "concur: unknown exception in a future's done callback\n");
  }
}

} // namespace concur::detail
