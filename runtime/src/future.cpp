// What future states share across the program: the parking slots and the wait helper of a thread.
#include <concur/future.hpp>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <typeinfo>

namespace concur::detail {

namespace {
thread_local wait_helper* current_helper = nullptr;
} // namespace

wait_helper* current_wait_helper() noexcept { return current_helper; }
void set_current_wait_helper(wait_helper* helper) noexcept { current_helper = helper; }

parking_slot& parking_slot_for(const void* address) noexcept {
  static parking_slot slots[64];
  // Futures are heap objects aligned to 16 bytes or more: skip the bits that never vary.
  return slots[(reinterpret_cast<std::uintptr_t>(address) >> 6) % 64];
}

void state_base::invoke_callback(callback_node& callback) noexcept {
  try {
    callback.run();
  } catch (const std::exception& e) {
    // Python logs and carries on: the future is already complete, so there is nobody to tell.
    std::fprintf(stderr, "concur: exception in a future's done callback: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "concur: unknown exception in a future's done callback\n");
  }
}

} // namespace concur::detail
