#include "LocMaker.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

namespace concur {

uint32_t LocMaker::fileIndex(llvm::StringRef path) {
  for (uint32_t i = 0; i < summary.files.size(); ++i)
    if (summary.files[i] == path)
      return i;
  summary.files.push_back(path.str());
  return uint32_t(summary.files.size() - 1);
}

Loc LocMaker::make(clang::SourceLocation raw) {
  Loc out;
  if (raw.isInvalid())
    return out;
  clang::SourceLocation loc = sm.getExpansionLoc(raw);
  clang::FileID fid = sm.getFileID(loc);
  auto [it, inserted] = fileIds.try_emplace(fid.getHashValue(), 0);
  if (inserted) {
    clang::OptionalFileEntryRef entry = sm.getFileEntryRefForID(fid);
    if (!entry) {
      fileIds.erase(fid.getHashValue());
      return out;
    }
    llvm::SmallString<256> path(entry->getName());
    sm.getFileManager().makeAbsolutePath(path);
    llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
    it->second = fileIndex(path);
  }
  out.file = it->second;
  out.line = sm.getExpansionLineNumber(loc);
  out.col = sm.getExpansionColumnNumber(loc);
  out.offset = sm.getFileOffset(loc);
  return out;
}

Range LocMaker::makeRange(clang::SourceLocation begin, clang::SourceLocation endOfLastToken) {
  Range r;
  r.begin = make(begin);
  Loc end = make(endOfLastToken);
  if (r.begin.valid() && end.valid() && end.file == r.begin.file && end.offset >= r.begin.offset)
    r.length = end.offset - r.begin.offset;
  return r;
}

} // namespace concur
