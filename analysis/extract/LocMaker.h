// Turns Clang source locations into summary Locs, interning file names in the summary.
#pragma once

#include "../Summary.h"

#include "llvm/ADT/DenseMap.h"

namespace clang {
class SourceManager;
class SourceLocation;
class FileEntry;
} // namespace clang

namespace concur {

class LocMaker {
public:
  LocMaker(const clang::SourceManager &sm, Summary &summary) : sm(sm), summary(summary) {}
  /// The expansion location (where a macro was used), which is where users read and fix.
  Loc make(clang::SourceLocation loc);
  Range makeRange(clang::SourceLocation begin, clang::SourceLocation endOfLastToken);
  uint32_t fileIndex(llvm::StringRef path);

private:
  const clang::SourceManager &sm;
  Summary &summary;
  llvm::DenseMap<unsigned, uint32_t> fileIds; // FileID hash -> summary file index
};

} // namespace concur
