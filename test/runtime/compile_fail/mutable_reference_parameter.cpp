// A worker cannot write through a reference into the caller's process.
#include <concur/process_pool.hpp>

#include <vector>

void fill(std::vector<int>& out) { out.push_back(1); }
CONCUR_REGISTER(fill);
