#include "ApplyFixes.h"

#include "AtomicWrite.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <tuple>

namespace concur {
namespace {

bool isInside(llvm::StringRef file, llvm::StringRef root) {
  if (root.empty())
    return false;
  return file.starts_with(root) && (file.size() == root.size() || root.ends_with("/") ||
                                    file[root.size()] == '/');
}

bool isSystemPath(llvm::StringRef file) {
  for (const char *dir : {"/usr/", "/opt/", "/lib/", "/System/"})
    if (file.starts_with(dir))
      return true;
  return false;
}

} // namespace

FixOutcome applyFixes(const std::vector<Finding> &findings, const FixPolicy &policy) {
  FixOutcome outcome;
  std::map<std::string, std::vector<Replacement>> byFile;
  for (const Finding &f : findings) {
    for (const Replacement &r : f.fixes)
      byFile[r.file].push_back(r);
    if (policy.includeNotes)
      for (const Note &n : f.notes)
        for (const Replacement &r : n.fixes)
          byFile[r.file].push_back(r);
  }
  for (auto &[file, replacements] : byFile) {
    if (isSystemPath(file) || !isInside(file, policy.projectRoot)) {
      outcome.problems.push_back("not fixing '" + file + "': it is outside the project root '" +
                                 policy.projectRoot + "'");
      continue;
    }
    auto buffer = llvm::MemoryBuffer::getFile(file);
    if (!buffer) {
      outcome.problems.push_back("not fixing '" + file + "': " + buffer.getError().message());
      continue;
    }
    llvm::StringRef code = (*buffer)->getBuffer();
    clang::tooling::Replacements all;
    bool conflict = false;
    // One edit proposed by several findings (the same `#include <atomic>`) is applied once.
    std::sort(replacements.begin(), replacements.end(), [](const Replacement &a, const Replacement &b) {
      return std::tie(a.offset, a.length, a.text) < std::tie(b.offset, b.length, b.text);
    });
    replacements.erase(std::unique(replacements.begin(), replacements.end(),
                                   [](const Replacement &a, const Replacement &b) {
                                     return a.offset == b.offset && a.length == b.length && a.text == b.text;
                                   }),
                       replacements.end());
    // Distinct insertions at one offset (two fixes' #includes) go in together, in text order;
    // an insertion beside a replacement at that offset stays a conflict.
    for (size_t i = 0; i + 1 < replacements.size();) {
      Replacement &here = replacements[i], &next = replacements[i + 1];
      if (here.length == 0 && next.length == 0 && here.offset == next.offset) {
        here.text += next.text;
        replacements.erase(replacements.begin() + long(i) + 1);
      } else {
        ++i;
      }
    }
    for (const Replacement &r : replacements) {
      if (r.offset + r.length > code.size()) {
        conflict = true;
        break;
      }
      clang::tooling::Replacement replacement(file, r.offset, r.length, r.text);
      if (llvm::Error e = all.add(replacement)) {
        // The same edit proposed twice (two findings, one fix) is not a conflict.
        llvm::consumeError(std::move(e));
        bool duplicate = false;
        for (const clang::tooling::Replacement &existing : all)
          duplicate |= existing == replacement;
        if (!duplicate) {
          conflict = true;
          break;
        }
      }
    }
    if (conflict) {
      outcome.problems.push_back("not fixing '" + file + "': its fixes conflict; it is left untouched");
      continue;
    }
    if (!policy.formatStyle.empty() && policy.formatStyle != "none") {
      llvm::Expected<clang::format::FormatStyle> style =
          clang::format::getStyle(policy.formatStyle, file, "LLVM", code);
      if (!style) {
        outcome.problems.push_back("not formatting '" + file + "': " + llvm::toString(style.takeError()));
      } else if (llvm::Expected<clang::tooling::Replacements> formatted =
                     clang::format::cleanupAroundReplacements(code, all, *style)) {
        llvm::Expected<clang::tooling::Replacements> reformatted =
            clang::format::formatReplacements(code, *formatted, *style);
        if (reformatted)
          all = std::move(*reformatted);
        else
          llvm::consumeError(reformatted.takeError());
      } else {
        llvm::consumeError(formatted.takeError());
      }
    }
    llvm::Expected<std::string> result = clang::tooling::applyAllReplacements(code, all);
    if (!result) {
      outcome.problems.push_back("not fixing '" + file + "': " + llvm::toString(result.takeError()));
      continue;
    }
    if (*result == code)
      continue;
    if (llvm::Error e = writeFileAtomically(file, *result)) {
      outcome.problems.push_back(llvm::toString(std::move(e)));
      continue;
    }
    outcome.changedFiles.push_back(file);
  }
  return outcome;
}

} // namespace concur
