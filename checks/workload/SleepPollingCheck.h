// concur-workload-sleep-polling: a loop that polls a flag and sleeps between looks.
#pragma once

#include "../Check.h"

namespace concur {

class SleepPollingCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
