// Small questions about the AST that several of phase 1's planners ask.
#pragma once

#include "llvm/ADT/StringRef.h"

namespace clang {
class Expr;
class QualType;
} // namespace clang

namespace concur {

/// Whether `type` is the class `std::<name>` (any template arguments).
bool isStdRecord(clang::QualType type, llvm::StringRef name);

/// std::thread or std::jthread.
bool isThreadType(clang::QualType type);

/// A thread's start as written: a std::thread or std::jthread built from a callable, or an
/// `emplace…(callable, args…)` that builds one in a container (the spawn's recorded location
/// tells which of these candidates it is).
bool isThreadStart(const clang::Expr *e);

/// Temporaries, implicit conversions and the copies a compiler elides, down to what was written.
const clang::Expr *skipTemporaries(const clang::Expr *e);

} // namespace concur
