// concur-workload-cpu-on-io-pool: CPU-bound work submitted to a pool sized for I/O (more
// threads than cores).
#pragma once

#include "CoreBudgetCheck.h"

namespace concur {

class CpuOnIoPoolCheck : public CoreBudgetCheck {
public:
  using CoreBudgetCheck::CoreBudgetCheck;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
