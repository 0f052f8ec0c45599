// concur-workload-oversubscribed-threads: CPU-bound work started as one thread per item of a
// loop with no bound, or as more threads than the machine has cores.
#pragma once

#include "../Check.h"

namespace concur {

class OversubscribedThreadsCheck : public Check {
public:
  OversubscribedThreadsCheck(const std::string &name, const OptionMap &options)
      : Check(name), cores(CheckOptions(name, options).get("Cores", int64_t(8))) {}
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
  void storeOptions(OptionMap &out) const override {
    CheckOptions(name(), {}).store(out, "Cores", std::to_string(cores));
  }

private:
  int64_t cores;
};

} // namespace concur
