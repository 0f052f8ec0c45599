#include "NoLint.h"

#include "clang-tidy/GlobList.h"
#include "llvm/Support/MemoryBuffer.h"

namespace concur {

bool matchesGlobs(const std::string &globs, const std::string &name) {
  return clang::tidy::GlobList(globs).contains(name);
}

const std::vector<NoLintFilter::Directive> &NoLintFilter::directivesOf(const std::string &file) {
  auto [it, inserted] = cache.try_emplace(file);
  if (!inserted)
    return it->second;
  auto buffer = llvm::MemoryBuffer::getFile(file);
  if (!buffer)
    return it->second;
  llvm::SmallVector<llvm::StringRef> lines;
  (*buffer)->getBuffer().split(lines, '\n');
  std::vector<std::pair<unsigned, std::string>> openBlocks;
  for (unsigned i = 0; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i];
    unsigned lineNo = i + 1;
    for (size_t at = line.find("NOLINT"); at != llvm::StringRef::npos; at = line.find("NOLINT", at + 6)) {
      llvm::StringRef rest = line.substr(at + 6);
      std::string kind;
      for (const char *k : {"NEXTLINE", "BEGIN", "END"})
        if (rest.starts_with(k)) {
          kind = k;
          rest = rest.drop_front(kind.size());
          break;
        }
      if (!rest.empty() && (std::isalnum(static_cast<unsigned char>(rest[0])) || rest[0] == '_'))
        continue; // some other identifier that starts with NOLINT
      std::string globs;
      if (rest.starts_with("(")) {
        size_t close = rest.find(')');
        if (close == llvm::StringRef::npos)
          continue;
        globs = rest.substr(1, close - 1).str();
        globs.erase(std::remove_if(globs.begin(), globs.end(), ::isspace), globs.end());
      }
      if (kind.empty())
        it->second.push_back({lineNo, lineNo, globs});
      else if (kind == "NEXTLINE")
        it->second.push_back({lineNo + 1, lineNo + 1, globs});
      else if (kind == "BEGIN")
        openBlocks.emplace_back(lineNo, globs);
      else {
        // NOLINTEND closes the innermost NOLINTBEGIN with the same globs, as clang-tidy does.
        for (auto open = openBlocks.rbegin(); open != openBlocks.rend(); ++open)
          if (open->second == globs) {
            it->second.push_back({open->first, lineNo, globs});
            openBlocks.erase(std::next(open).base());
            break;
          }
      }
    }
  }
  return it->second;
}

bool NoLintFilter::suppresses(const std::string &file, unsigned line, const std::string &check) {
  for (const Directive &d : directivesOf(file))
    if (line >= d.firstLine && line <= d.lastLine && (d.globs.empty() || matchesGlobs(d.globs, check)))
      return true;
  return false;
}

} // namespace concur
