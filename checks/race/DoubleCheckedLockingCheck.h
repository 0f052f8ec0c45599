// concur-race-double-checked-locking: a flag read without the lock, then read again and set
// under the lock, when the flag is not atomic: the unlocked read races with the write, and the
// data the flag guards may be seen half-initialised.
#pragma once

#include "../Check.h"

namespace concur {

class DoubleCheckedLockingCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
