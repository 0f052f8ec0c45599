// Small questions about the AST that several of phase 1's planners ask.
#pragma once

#include "llvm/ADT/StringRef.h"

#include "../Summary.h"

#include "clang/AST/ParentMapContext.h"
#include <optional>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class QualType;
} // namespace clang

namespace concur {

class ModelDatabase;

/// Whether `type` is the class `std::<name>` (any template arguments).
bool isStdRecord(clang::QualType type, llvm::StringRef name);

/// std::thread or std::jthread.
bool isThreadType(clang::QualType type);

/// A handle a rewrite turns into a concur::future: std::thread, std::jthread or std::future
/// (through a reference too).
bool isHandleType(clang::QualType type);

/// `std::ref(x)` or `std::cref(x)`.
bool isStdRef(const clang::CallExpr *call);

/// A thread's start as written: a std::thread or std::jthread built from a callable, or an
/// `emplace…(callable, args…)` that builds one in a container (the spawn's recorded location
/// tells which of these candidates it is).
bool isThreadStart(const clang::Expr *e);

/// The node's first parent, or an empty node at the top.
clang::DynTypedNode parentOf(clang::ASTContext &ctx, const clang::DynTypedNode &node);

/// The first parent of `e` that is not a temporary, a conversion, an elided copy, a functional
/// cast or a parenthesis. `outer` (when given) becomes the outermost of those expressions around
/// `e` (a full expression's cleanups aside): what replacing `e` as written must replace.
clang::DynTypedNode meaningfulParent(clang::ASTContext &ctx, const clang::Expr *e, const clang::Expr **outer = nullptr);

/// Whether a postfix operator uses the value of `e` (`e.size()`, `e[0]`, `e++`, `e()`): a
/// prefix operator written before `e` would then apply to that use's result instead.
bool usedByPostfixOperator(clang::ASTContext &ctx, const clang::Expr *e);

/// What the stream or descriptor an I/O call works on tells by itself: descriptors 0, 1 and 2
/// are the terminal; a modelled object (`stderr`, `std::cout`) or class (`std::ofstream`) has
/// its model's I/O kind, and a memory stream (`std::ostringstream`) none. Nullopt otherwise.
std::optional<IoKind> streamIoKind(const clang::Expr *stream, const ModelDatabase &models, clang::ASTContext &ctx);

/// Temporaries, implicit conversions and the copies a compiler elides, down to what was written.
const clang::Expr *skipTemporaries(const clang::Expr *e);

/// What an assignment's right side `std::thread(f, args…)` writes, down to the construction:
/// temporaries and the functional cast that `std::thread(f)` (one argument) makes, skipped.
const clang::Expr *skipToConstruction(const clang::Expr *e);

/// `threads[i] = std::thread(…)`, `start` the thread: whether `ref` names the array or container
/// whose slot stores it.
bool storesIntoSlot(clang::ASTContext &ctx, const clang::DeclRefExpr *ref, const clang::Expr *start);

/// `omp_get_thread_num()`, directly or through a variable initialised from it.
bool isThreadNumber(const clang::Expr *e);

/// The thread number a condition requires: `omp_get_thread_num() == 2` (either side),
/// `!omp_get_thread_num()` (0), each through a variable initialised from the call too.
std::optional<int64_t> requiredThreadNumber(const clang::Expr *cond, clang::ASTContext &ctx);

/// Whether a subscript `v - c` is negative in the first iteration of the `for` that counts `v`
/// from a constant (`for (j = 0; …) … b[i][j - 1]`) with nothing on the way that could skip it
/// (an `if`, `?:`, `&&`, `||` or `switch`): it then reaches into the row before.
bool startsBelowZero(const clang::Expr *index, clang::ASTContext &ctx);

} // namespace concur
