// The one list of checks. Adding a check: its class, a line here, a docs page, a lit test.
#include "Check.h"
#include "mt/MtUnsafeCallCheck.h"

namespace concur {
namespace {

template <typename T>
std::unique_ptr<Check> make(const std::string &name, const OptionMap &) {
  return std::make_unique<T>(name);
}

} // namespace

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> checks = {
      {"concur-mt-unsafe-call",
       "a call to a non-thread-safe function from code that runs on a thread other than main",
       &make<MtUnsafeCallCheck>},
  };
  return checks;
}

} // namespace concur
