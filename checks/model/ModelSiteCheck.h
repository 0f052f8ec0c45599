// The concur-model-* checks: one per kind of concurrent work (thread per task, async fan-out,
// manual chunking, thread per connection, MT-unsafe parallel work, serial blocking loop), each
// naming the model design.md §1 recommends, why, and the evidence.
#pragma once

#include "../../rewrites/ThreadPoolFix.h"
#include "ConcurrencySites.h"

namespace concur {

class ModelSiteCheck : public Check {
public:
  ModelSiteCheck(const std::string &name, const OptionMap &options, SiteKind kind);
  void run(const AnalysisContext &context, std::vector<Finding> &out) override;
  void storeOptions(OptionMap &out) const override;

private:
  SiteKind kind;
  SiteOptions siteOptions;
  int64_t ioPoolThreads = 32; // the most workers an I/O pool gets, like Python's executor
  int64_t cpuFanoutKept = 16; // a constant CPU fan-out up to this keeps as many workers
  /// The size of a pool for I/O work at `site`.
  PoolSize ioPoolSize(const ConcurrencySite &site) const;
  /// A serial loop's rewrite onto a pool, for its note.
  /// A serial loop's rewrite onto a pool's map, for a note; `why` says why there is none.
  std::vector<Replacement> loopFix(const AnalysisContext &context, const ConcurrencySite &site, std::string &why) const;
  /// The coroutine rewrite planned for a thread per connection, or none with `why` set.
  std::vector<Replacement> coroutineFix(const AnalysisContext &context, const ConcurrencySite &site,
                                        std::string &why) const;
  /// The fix for `site`; `why` says why there is none, or how the fix departs from the model.
  std::vector<Replacement> fixFor(const AnalysisContext &context, const ConcurrencySite &site,
                                  const std::vector<ConcurrencySite> &all, std::string &why) const;
};

/// A check of one site kind, for the registry.
template <SiteKind Kind> class ModelCheckOf : public ModelSiteCheck {
public:
  ModelCheckOf(const std::string &name, const OptionMap &options) : ModelSiteCheck(name, options, Kind) {}
};

} // namespace concur
