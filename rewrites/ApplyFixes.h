// Applies findings' replacements to files, the one way every fix generator's output reaches
// disk: only inside the project root and outside system directories, a file whose fixes
// conflict is left untouched, replaced ranges are optionally clang-formatted, and every file
// is written atomically.
#pragma once

#include "../checks/Finding.h"

#include <string>
#include <vector>

namespace concur {

struct FixPolicy {
  std::string projectRoot;  // fixes outside it are refused
  std::string formatStyle;  // "none", "file", or a clang-format style name
  bool includeNotes = false; // --fix-notes
};

struct FixOutcome {
  std::vector<std::string> changedFiles;
  std::vector<std::string> problems; // one line each: refused or conflicting files
};

FixOutcome applyFixes(const std::vector<Finding> &findings, const FixPolicy &policy);

} // namespace concur
