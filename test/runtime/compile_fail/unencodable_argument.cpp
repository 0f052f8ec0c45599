// A process-pool function whose argument has no codec must not compile.
#include <concur/process_pool.hpp>

#include <memory>

struct handle {
  std::unique_ptr<int> owned;
};
int use(handle h) { return *h.owned; }
CONCUR_REGISTER(use);
