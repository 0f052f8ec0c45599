// concur-thread-detached-captures-local: a detached thread that uses a local of the function
// that started it, by reference or pointer: the function may return, and the local die, while
// the thread still uses it.
#pragma once

#include "../Check.h"

namespace concur {

class DetachedCapturesLocalCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
