// concur-workload-cpu-on-io-pool: CPU-bound work submitted to a pool sized for I/O (more
// threads than cores).
#pragma once

#include "../Check.h"

namespace concur {

class CpuOnIoPoolCheck : public Check {
public:
  CpuOnIoPoolCheck(const std::string &name, const OptionMap &options)
      : Check(name), cores(CheckOptions(name, options).get("Cores", int64_t(8))) {}
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
  void storeOptions(OptionMap &out) const override {
    CheckOptions(name(), {}).store(out, "Cores", std::to_string(cores));
  }

private:
  int64_t cores;
};

} // namespace concur
