// Phase 1 over many TUs in parallel, with the cache and a progress line.
#pragma once

#include "../analysis/Extract.h"

#include <vector>

namespace concur {

class ModelDatabase;
class SummaryCache;

struct ScheduleOptions {
  unsigned jobs = 0;       // 0: every core
  bool progress = false;   // a `[n/total] file` line on stderr
  std::string progressBase; // paths in the progress line are shown relative to it
};

struct ScheduleResult {
  std::vector<Summary> summaries; // in job order
  size_t fromCache = 0;
};

ScheduleResult summarizeAll(const std::vector<CompileJob> &jobs, const ModelDatabase &models,
                            SummaryCache *cache, const ScheduleOptions &options);

} // namespace concur
