// Phase 1: parse one translation unit and summarise it. The only entry point into Clang's AST.
#pragma once

#include "Summary.h"

#include <string>
#include <vector>

namespace concur {

class ModelDatabase;

/// One compile command, as a compilation database gives it.
struct CompileJob {
  std::string directory;
  std::string file;
  std::vector<std::string> arguments; // argv, compiler first
};

struct ExtractResult {
  Summary summary;
  std::vector<std::string> inputs; // every file the parse read, absolute, sorted
};

/// Parses `job` (syntax only) and extracts its summary. Compiler errors land in
/// summary.messages; the parse still yields what it could.
ExtractResult extractTranslationUnit(const CompileJob &job, const ModelDatabase &models);

} // namespace concur
