// concur-thread-cv-wait-without-predicate: a condition-variable wait with no predicate and no
// loop around it: a spurious or early wakeup goes on as if the condition held.
#pragma once

#include "../Check.h"

namespace concur {

class CvWaitWithoutPredicateCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
