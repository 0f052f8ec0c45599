// A check that compares a number of threads with the cores they can run on: the `Cores`
// option, read once and stored back, shared by the workload checks that need it.
#pragma once

#include "../Check.h"

namespace concur {

class CoreBudgetCheck : public Check {
public:
  CoreBudgetCheck(const std::string &name, const OptionMap &options)
      : Check(name), cores(CheckOptions(name, options).get("Cores", int64_t(8))) {}
  void storeOptions(OptionMap &out) const override {
    CheckOptions(name(), {}).store(out, "Cores", std::to_string(cores));
  }

protected:
  int64_t cores;
};

} // namespace concur
