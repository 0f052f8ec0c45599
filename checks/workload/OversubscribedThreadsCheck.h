// concur-workload-oversubscribed-threads: CPU-bound work started as one thread per item of a
// loop with no bound, or as more threads than the machine has cores.
#pragma once

#include "CoreBudgetCheck.h"

namespace concur {

class OversubscribedThreadsCheck : public CoreBudgetCheck {
public:
  using CoreBudgetCheck::CoreBudgetCheck;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
