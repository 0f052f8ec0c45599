// concur-mt-unsafe-call: a call to a function that is not thread-safe, made where the caller
// may run on a thread other than main. See docs/checks/concur-mt-unsafe-call.md.
#pragma once

#include "../Check.h"

namespace concur {

class MtUnsafeCallCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
