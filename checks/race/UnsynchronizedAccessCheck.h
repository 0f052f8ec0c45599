// concur-race-unsynchronized-access: two threads access the same memory, at least one writes,
// and no common lock orders them: a data race, reported with both accesses, both threads, the
// paths to each, and the locks held at each.
#pragma once

#include "../Check.h"

namespace concur {

class UnsynchronizedAccessCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
