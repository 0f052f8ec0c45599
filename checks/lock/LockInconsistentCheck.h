// concur-lock-inconsistent: a variable accessed with the same mutex held at most of its
// accesses, but with no lock at some that may run beside a guarded one: each unguarded access
// is reported, with the guarded ones as notes and, where provably safe, a std::lock_guard fix.
#pragma once

#include "../Check.h"

namespace concur {

class LockInconsistentCheck : public Check {
public:
  LockInconsistentCheck(const std::string &name, const OptionMap &options);
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
  void storeOptions(OptionMap &out) const override;

private:
  double minGuardedRatio;     // guarded accesses / all accesses needed to call the mutex its guard
  int64_t minGuardedAccesses; // and at least this many guarded accesses
};

} // namespace concur
