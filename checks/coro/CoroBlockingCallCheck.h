// concur-coro-blocking-call: a C++20 coroutine, or anything it calls, makes a blocking I/O or
// synchronization call: the thread running the event loop stops for every coroutine.
#pragma once

#include "../Check.h"

namespace concur {

class CoroBlockingCallCheck : public Check {
public:
  using Check::Check;
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
};

} // namespace concur
