// Small questions about the text around a fix: how a line is indented, which name is free.
#pragma once

#include "../Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

#include "clang/Basic/SourceLocation.h"

namespace clang {
class Expr;
class LangOptions;
class Stmt;
class VarDecl;
class SourceManager;
} // namespace clang

namespace concur {

class LocMaker;

/// The whitespace before `loc` on its line; empty when code precedes it there.
std::string indentAt(const clang::SourceManager &sm, clang::SourceLocation loc);

/// The first candidate that `text` does not use as a whole word (`fallback` if all are used).
std::string unusedIdentifier(llvm::StringRef text, llvm::ArrayRef<const char *> candidates, const char *fallback);

/// A count that reads no more than a variable, a constant or a container's size(): safe to
/// evaluate once more, earlier, to size a pool.
bool isPlainCount(const clang::Expr *e);

/// A loop's or lambda's only statement (a block of one statement counts), or null.
const clang::Stmt *onlyStatement(const clang::Stmt *body);

/// Whether `e` names `var` (through parentheses and implicit conversions).
bool refersTo(const clang::Expr *e, const clang::VarDecl *var);

/// Whether a `;` follows the statement's last token (`f();`, `for (…) f();`) rather than being
/// part of its range (a declaration) or not needed (a block).
bool semicolonFollows(const clang::Stmt *statement);

/// Where a statement's text ends, its `;` included.
clang::SourceLocation statementEnd(const clang::SourceManager &sm, const clang::LangOptions &lang,
                                   const clang::Stmt *statement);

/// The characters that deleting `statement` removes: its text, and its whole lines when nothing
/// else is written on them. Invalid when its end cannot be found.
std::pair<clang::SourceLocation, clang::SourceLocation>
statementDeletion(const clang::SourceManager &sm, const clang::LangOptions &lang, const clang::Stmt *statement);

/// `#include <concur/thread_pool.hpp>` for the main file, unless it includes it or concur.hpp.
std::optional<Edit> threadPoolInclude(const clang::SourceManager &sm, LocMaker &locs);

} // namespace concur
