// Extracts one function's facts: calls with their effects, accesses, spawns and joins, each
// with the locks held there (a must-hold lockset, flow-sensitive over Clang's CFG).
#pragma once

#include "../Summary.h"
#include "GuardSites.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace clang {
class ASTContext;
class FunctionDecl;
class LambdaExpr;
class ValueDecl;
class FunctionDecl;
class Expr;
} // namespace clang

namespace concur {

class LocMaker;
class ModelDatabase;

/// A function's net effect on locks, in its own frame (`p:this.mu_`, `p:0`, `g:<usr>`):
/// `port::Mutex::Lock` acquires `p:this.mu_`; a guard's constructor acquires `p:0`.
struct LockEffects {
  std::vector<HeldLock> acquires;
  std::vector<std::string> releases;
};

/// What the functions of one translation unit learn about each other: descriptors and streams
/// (a field set to `socket(AF_UNIX, …)` in a constructor makes `send(fd_, …)` in a method ipc),
/// function-pointer values, and the lock effects of the project's own lock wrappers.
struct UnitFacts {
  llvm::DenseMap<const clang::FunctionDecl *, LockEffects> lockEffects;
  /// What thread-safety annotations declare (ACQUIRE, RELEASE), per declaration; nullopt: none.
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<LockEffects>> declaredLockEffects;
  llvm::DenseSet<const clang::FunctionDecl *> lockEffectsInProgress;
  llvm::DenseMap<const clang::ValueDecl *, IoKind> kinds;
  /// Functions a variable or field of function-pointer type is given anywhere in the TU.
  llvm::DenseMap<const clang::ValueDecl *, std::vector<const clang::FunctionDecl *>> pointerValues;
  UnitMutexes mutexes; // what the lock-guard fix may name

  /// The functions a called expression may be: `fp`, `table[i]`, `t->send`.
  std::vector<const clang::FunctionDecl *> pointerTargets(const clang::Expr *callee) const;
};

/// Fills `kinds.pointerValues` from every initializer and assignment of the TU.
void collectPointerValues(clang::ASTContext &ctx, UnitFacts &kinds);

/// The lock effects of `fn` (a definition with a body), computed once per TU.
const LockEffects &lockEffectsOf(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                 const ModelDatabase &models, LocMaker &locs, UnitFacts &facts);

/// `lambda` is the expression whose call operator `fn` is, when it is one.
Function extractFunction(const clang::FunctionDecl *fn, const clang::LambdaExpr *lambda,
                         clang::ASTContext &ctx, const ModelDatabase &models, LocMaker &locs,
                         UnitFacts &descriptors);

} // namespace concur
