#include "Report.h"

#include "../analysis/Program.h"
#include "../analysis/Threads.h"
#include "../checks/Check.h"
#include "../checks/Evidence.h"
#include "NoLint.h"

#include "llvm/Support/Regex.h"
#include <algorithm>
#include <tuple>

namespace concur {

llvm::Expected<Config> EffectiveConfig::forFile(const std::string &file) {
  Config config = defaultConfig();
  if (options.configFile) {
    config.mergeFrom(*options.configFile);
  } else {
    llvm::Expected<const Config *> found = finder.nearest(file);
    if (!found)
      return found.takeError();
    if (*found) {
      // A project file states its own check list; it replaces the default rather than adding.
      if ((*found)->checks)
        config.checks.reset();
      config.mergeFrom(**found);
    }
  }
  config.mergeFrom(options.commandLine);
  return config;
}

llvm::Expected<std::vector<std::string>> enabledChecks(const std::string &globs) {
  std::vector<std::string> enabled;
  for (const CheckInfo &info : allChecks())
    if (matchesGlobs(globs, info.name))
      enabled.push_back(info.name);
  // A positive glob that names no check is a typo users want to hear about.
  llvm::SmallVector<llvm::StringRef> parts;
  llvm::StringRef(globs).split(parts, ',', -1, false);
  for (llvm::StringRef part : parts) {
    part = part.trim();
    if (part.empty() || part.starts_with("-") || part.starts_with("clang-diagnostic"))
      continue;
    bool matches = false;
    for (const CheckInfo &info : allChecks())
      matches |= matchesGlobs(part.str(), info.name);
    if (!matches)
      return llvm::createStringError("unknown check or check glob '" + part.str() + "' in --checks/Checks");
  }
  return enabled;
}

llvm::Expected<Report> makeReport(std::vector<Summary> summaries, EffectiveConfig &configs,
                                  const ReportOptions &options, const Config &global) {
  Report report;
  report.totals.translationUnits = summaries.size();
  Program program(std::move(summaries));
  ThreadReachability threads(program);
  AnalysisContext context(program, threads);

  llvm::Expected<std::vector<std::string>> names = enabledChecks(global.checks.value_or(""));
  if (!names)
    return names.takeError();
  std::vector<Finding> raw;
  for (const CheckInfo &info : allChecks())
    if (std::find(names->begin(), names->end(), info.name) != names->end())
      info.create(info.name, global.checkOptions)->run(context, raw);

  for (size_t i = 0; i < program.messages().size(); ++i) {
    const CompilerMessage &m = program.messages()[i];
    Finding f;
    f.check = "clang-diagnostic-error";
    f.level = Level::Error;
    f.message = m.message;
    f.where = pointOf(program, m.loc);
    if (f.where.file.empty())
      f.where.file = program.messageFiles()[i];
    raw.push_back(std::move(f));
    report.compilerErrors = true;
  }

  NoLintFilter nolint;
  for (Finding &f : raw) {
    if (f.check != "clang-diagnostic-error") {
      llvm::Expected<Config> config = configs.forFile(f.where.file);
      if (!config)
        return config.takeError();
      if (!matchesGlobs(config->checks.value_or(""), f.check))
        continue;
      if (!options.mainFiles.count(f.where.file)) {
        llvm::Regex filter(config->headerFilterRegex.value_or(""));
        if (config->headerFilterRegex.value_or("").empty() || !filter.match(f.where.file)) {
          ++report.totals.hiddenInHeaders;
          continue;
        }
      }
      if (nolint.suppresses(f.where.file, f.where.line, f.check)) {
        ++report.totals.suppressedByNoLint;
        continue;
      }
      if (!config->warningsAsErrors.value_or("").empty() &&
          matchesGlobs(*config->warningsAsErrors, f.check))
        f.level = Level::Error;
    }
    report.findings.push_back(std::move(f));
  }
  auto key = [](const Finding &f) {
    return std::tie(f.where.file, f.where.line, f.where.column, f.check, f.message);
  };
  std::sort(report.findings.begin(), report.findings.end(),
            [&](const Finding &a, const Finding &b) { return key(a) < key(b); });
  report.findings.erase(std::unique(report.findings.begin(), report.findings.end(),
                                    [&](const Finding &a, const Finding &b) { return key(a) == key(b); }),
                        report.findings.end());
  return report;
}

} // namespace concur
