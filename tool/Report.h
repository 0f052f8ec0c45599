// Phase 2 and the decisions that follow it: run the enabled checks on the merged program, add
// the compilers' errors, then apply each file's configuration (checks, header filter,
// warnings-as-errors) and NOLINT comments. Deterministic: findings come out sorted.
#pragma once

#include "../checks/Finding.h"
#include "Config.h"
#include "output/Output.h"

#include "llvm/Support/Error.h"
#include <functional>
#include <set>

namespace concur {

struct Summary;

struct ReportOptions {
  Config commandLine;      // --checks etc., appended to each file's config
  std::optional<Config> configFile; // --config-file: replaces the search
  std::set<std::string> mainFiles;  // files analysed as translation units
};

struct Report {
  std::vector<Finding> findings;
  RunTotals totals;
  bool compilerErrors = false;
};

/// The configuration in force for one file: defaults, then its .concur.yaml (or --config-file),
/// then the command line.
class EffectiveConfig {
public:
  explicit EffectiveConfig(const ReportOptions &options) : options(options) {}
  llvm::Expected<Config> forFile(const std::string &file);

private:
  const ReportOptions &options;
  ConfigFinder finder;
};

llvm::Expected<Report> makeReport(std::vector<Summary> summaries, EffectiveConfig &configs,
                                  const ReportOptions &options, const Config &global);

/// Names of the checks a glob list enables; an error for a positive glob that matches nothing.
llvm::Expected<std::vector<std::string>> enabledChecks(const std::string &globs);

} // namespace concur
