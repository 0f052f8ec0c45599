// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND comments, each with optional check globs,
// as clang-tidy reads them. Phase 2 has no SourceManager, so this reads the files' text.
#pragma once

#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace concur {

class NoLintFilter {
public:
  /// True when a NOLINT comment covers `check` at `line` (1-based) of `file`.
  bool suppresses(const std::string &file, unsigned line, const std::string &check);

private:
  struct Directive {
    unsigned firstLine, lastLine; // the lines it covers
    std::string globs;            // empty: every check
  };
  const std::vector<Directive> &directivesOf(const std::string &file);
  llvm::StringMap<std::vector<Directive>> cache;
};

/// True when `name` matches a comma-separated glob list (`-` excludes, later globs win).
bool matchesGlobs(const std::string &globs, const std::string &name);

} // namespace concur
