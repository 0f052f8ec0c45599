// The registry behind CONCUR_REGISTER: which functions workers may run, found by address.
#include <concur/process_pool.hpp>

#include "fork_server.hpp"
#include "startup_hook.hpp"

#include <deque>
#include <mutex>
#include <stdexcept>

namespace concur {

namespace detail {
namespace {
struct registry {
  std::mutex mutex;
  std::deque<registered_function> functions; // a deque: references stay valid as it grows
};
registry& the_registry() {
  static registry r;
  return r;
}
} // namespace

void register_function(const char* name, const void* function, remote_entry entry) {
  // A program with functions for workers gets its fork server before the runtime's first thread.
  set_before_runtime_threads([]() noexcept {
    try {
      fork_server::instance();
    } catch (...) {
      // Started (and the error reported) again when the first process pool needs it.
    }
  });
  auto& r = the_registry();
  std::lock_guard lock(r.mutex);
  for (const auto& f : r.functions)
    if (f.function == function) return;
  r.functions.push_back({name, function, entry});
}

const registered_function& find_registered(const void* function) {
  auto& r = the_registry();
  std::lock_guard lock(r.mutex);
  for (const auto& f : r.functions) {
    if (f.function != function) continue;
    if (fork_server::started_pid() != 0 && !fork_server::instance().has_code(reinterpret_cast<const void*>(f.entry)))
      throw std::invalid_argument("concur::process_pool: " + f.name +
                                  " was loaded after the fork server started (a library opened later?), so workers "
                                  "do not have its code");
    return f;
  }
  throw std::invalid_argument(
      "concur::process_pool: this function is not registered; declare it with CONCUR_REGISTER(fn) at namespace scope");
}
} // namespace detail

} // namespace concur
