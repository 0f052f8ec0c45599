#include "Includes.h"

#include "LocMaker.h"

#include "clang/Basic/SourceManager.h"

namespace concur {

std::optional<Edit> addIncludeEdit(const clang::SourceManager &sm, LocMaker &locs, llvm::StringRef header) {
  llvm::StringRef text = sm.getBufferData(sm.getMainFileID());
  if (text.contains(("#include <" + header + ">").str()))
    return std::nullopt;
  uint32_t after = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == llvm::StringRef::npos)
      end = text.size();
    if (text.substr(pos, end - pos).ltrim().starts_with("#include"))
      after = uint32_t(std::min(end + 1, text.size()));
    pos = end + 1;
  }
  Edit edit;
  edit.range.begin = locs.make(sm.getLocForStartOfFile(sm.getMainFileID()).getLocWithOffset(after));
  edit.range.begin.offset = after;
  edit.text = ("#include <" + header + ">\n").str();
  return edit;
}

} // namespace concur
