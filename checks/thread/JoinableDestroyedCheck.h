// concur-thread-joinable-destroyed: a std::thread destroyed, reassigned or cleared while it may
// still be joinable (neither joined nor detached on some path), which calls std::terminate.
// The paths come from phase 1's dataflow over the CFG (analysis/extract/ThreadLifetimes).
#pragma once

#include "../Check.h"

namespace concur {

class JoinableDestroyedCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
