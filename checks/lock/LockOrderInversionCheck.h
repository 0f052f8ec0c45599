// concur-lock-order-inversion: two threads take the same two locks in opposite orders; each
// can hold one and wait forever for the other.
#pragma once

#include "../Check.h"

namespace concur {

class LockOrderInversionCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
