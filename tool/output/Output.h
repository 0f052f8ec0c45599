// Renderers of a run's findings. Each takes the final, filtered, sorted findings.
#pragma once

#include "../../checks/Check.h"
#include "../../checks/Finding.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace concur {

struct RunTotals {
  size_t translationUnits = 0;
  size_t fromCache = 0;
  size_t suppressedByNoLint = 0;
  size_t hiddenInHeaders = 0;
};

/// clang's form: `file:line:col: warning: message [check]`, source line, caret, notes.
void writeText(llvm::raw_ostream &os, const std::vector<Finding> &findings, bool color);
/// The summary line(s) clang-tidy users expect on stderr.
void writeTextTotals(llvm::raw_ostream &os, const std::vector<Finding> &findings, const RunTotals &totals);
/// docs/json-output.md describes this schema.
void writeJson(llvm::raw_ostream &os, const std::vector<Finding> &findings, const RunTotals &totals);
/// SARIF 2.1.0 for GitHub code scanning.
void writeSarif(llvm::raw_ostream &os, const std::vector<Finding> &findings,
                const std::vector<CheckInfo> &rules, llvm::StringRef version);
/// clang-tidy's --export-fixes YAML, which clang-apply-replacements reads.
llvm::Error writeFixesYaml(const std::string &path, const std::vector<Finding> &findings, bool withNotes);

/// The docs page of a check, used as help links.
std::string docsUrl(const std::string &check);

} // namespace concur
