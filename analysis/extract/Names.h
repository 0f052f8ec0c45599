// How concur names declarations: USRs to link TUs, normalized names to match models.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace clang {
class Decl;
class NamedDecl;
class SourceManager;
class Stmt;
class LangOptions;
class SourceRange;
} // namespace clang

namespace concur {

/// The declaration's USR (stable across TUs), or "" when it has none.
std::string usrOf(const clang::Decl *decl);

/// Qualified name without template arguments, inline or anonymous namespaces:
/// `std::__cxx11::basic_string<char>::append` -> `std::basic_string::append`. Models match it.
std::string normalizedName(const clang::NamedDecl *decl);

/// Qualified name as a user reads it in messages (`Downloader::fetch`, `main::(lambda)`).
std::string displayName(const clang::NamedDecl *decl);

/// The source text of a range as written (macro arguments spelled), trimmed to one line.
std::string sourceText(const clang::SourceRange &range, const clang::SourceManager &sm,
                       const clang::LangOptions &lang);

/// Whether `word` occurs in `text` as a whole identifier (`O_NONBLOCK` in `O_RDWR | O_NONBLOCK`).
bool textHasWord(llvm::StringRef text, llvm::StringRef word);

} // namespace concur
