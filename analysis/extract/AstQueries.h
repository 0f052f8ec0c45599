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

/// Temporaries, implicit conversions and the copies a compiler elides, down to what was written.
const clang::Expr *skipTemporaries(const clang::Expr *e);

} // namespace concur
