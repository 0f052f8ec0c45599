// Small questions about the text around a fix: how a line is indented, which name is free.
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang {
class SourceManager;
class SourceLocation;
} // namespace clang

namespace concur {

/// The whitespace before `loc` on its line; empty when code precedes it there.
std::string indentAt(const clang::SourceManager &sm, clang::SourceLocation loc);

/// The first candidate that `text` does not use as a whole word (`fallback` if all are used).
std::string unusedIdentifier(llvm::StringRef text, llvm::ArrayRef<const char *> candidates, const char *fallback);

/// Where `#include <header>` goes in the main file: after its last #include (0 without one);
/// none when the file already includes `header` or any of `alsoProviding`.
std::optional<unsigned> includeOffset(const clang::SourceManager &sm, llvm::StringRef header,
                                      llvm::ArrayRef<const char *> alsoProviding = {});

} // namespace concur
