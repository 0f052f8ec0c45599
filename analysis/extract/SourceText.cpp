#include "SourceText.h"

#include "clang/Basic/SourceManager.h"

namespace concur {

std::string indentAt(const clang::SourceManager &sm, clang::SourceLocation loc) {
  std::pair<clang::FileID, unsigned> at = sm.getDecomposedLoc(loc);
  llvm::StringRef buffer = sm.getBufferData(at.first);
  size_t lineStart = buffer.rfind('\n', at.second == 0 ? 0 : at.second - 1);
  lineStart = lineStart == llvm::StringRef::npos ? 0 : lineStart + 1;
  llvm::StringRef indent = buffer.slice(lineStart, at.second);
  return indent.find_first_not_of(" \t") == llvm::StringRef::npos ? indent.str() : "";
}

std::string unusedIdentifier(llvm::StringRef text, llvm::ArrayRef<const char *> candidates, const char *fallback) {
  auto isWordChar = [&](size_t i) { return std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'; };
  for (const char *candidate : candidates) {
    llvm::StringRef name(candidate);
    bool used = false;
    for (size_t at = text.find(name); at != llvm::StringRef::npos && !used; at = text.find(name, at + 1)) {
      size_t end = at + name.size();
      used = (at == 0 || !isWordChar(at - 1)) && (end >= text.size() || !isWordChar(end));
    }
    if (!used)
      return candidate;
  }
  return fallback;
}

std::optional<unsigned> includeOffset(const clang::SourceManager &sm, llvm::StringRef header,
                                      llvm::ArrayRef<const char *> alsoProviding) {
  llvm::StringRef buffer = sm.getBufferData(sm.getMainFileID());
  if (buffer.contains("#include <" + header.str() + ">"))
    return std::nullopt;
  for (const char *other : alsoProviding)
    if (buffer.contains("#include <" + std::string(other) + ">"))
      return std::nullopt;
  unsigned after = 0;
  for (size_t pos = 0; pos < buffer.size();) {
    size_t end = buffer.find('\n', pos);
    if (end == llvm::StringRef::npos)
      end = buffer.size();
    if (buffer.substr(pos, end - pos).ltrim().starts_with("#include"))
      after = unsigned(std::min(end + 1, buffer.size()));
    pos = end + 1;
  }
  return after;
}

} // namespace concur
