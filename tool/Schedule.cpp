#include "Schedule.h"

#include "Cache.h"

#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <mutex>

namespace concur {

ScheduleResult summarizeAll(const std::vector<CompileJob> &jobs, const ModelDatabase &models,
                            SummaryCache *cache, const ScheduleOptions &options) {
  ScheduleResult result;
  result.summaries.resize(jobs.size());
  std::atomic<size_t> done{0}, cached{0};
  std::mutex progressMutex;
  llvm::ThreadPoolStrategy strategy =
      options.jobs ? llvm::hardware_concurrency(options.jobs) : llvm::hardware_concurrency();
  llvm::CrashRecoveryContext::Enable();
  llvm::DefaultThreadPool pool(strategy);
  for (size_t i = 0; i < jobs.size(); ++i)
    pool.async([&, i] {
      const CompileJob &job = jobs[i];
      std::optional<Summary> hit = cache ? cache->lookup(job) : std::nullopt;
      if (hit) {
        result.summaries[i] = std::move(*hit);
        ++cached;
      } else {
        ExtractResult extracted;
        // A crash inside Clang or the extractor loses this TU only, reported like a compiler
        // error; every other TU is still analysed.
        llvm::CrashRecoveryContext crashGuard;
        if (!crashGuard.RunSafely([&] { extracted = extractTranslationUnit(job, models); })) {
          extracted = ExtractResult();
          extracted.summary.mainFile = job.file;
          extracted.summary.messages.push_back(
              CompilerMessage{"error", "concur crashed while analysing this file (please report it)", Loc{}});
        }
        if (cache)
          cache->store(job, extracted);
        result.summaries[i] = std::move(extracted.summary);
      }
      size_t finished = ++done;
      if (options.progress) {
        llvm::StringRef shown = job.file;
        if (!options.progressBase.empty() && shown.starts_with(options.progressBase + "/"))
          shown = shown.drop_front(options.progressBase.size() + 1);
        std::lock_guard<std::mutex> lock(progressMutex);
        llvm::errs() << "\r\x1b[K[" << finished << "/" << jobs.size() << "] " << shown;
        llvm::errs().flush();
      }
    });
  pool.wait();
  if (options.progress) {
    llvm::errs() << "\r\x1b[K";
    llvm::errs().flush();
  }
  result.fromCache = cached;
  return result;
}

} // namespace concur
