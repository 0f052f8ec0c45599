// concur-lock-blocking-call: blocking I/O (or a sleep) while a mutex is held, directly or in a
// callee, and a co_await suspension while a lock is held.
#pragma once

#include "../Check.h"

namespace concur {

class LockBlockingCallCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
