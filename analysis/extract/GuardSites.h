// What phase 2 needs to wrap an access in a lock guard, since it has no AST: which statements
// a `{ std::lock_guard<std::mutex> g(mu); … }` can wrap without changing their meaning, and
// which std::mutex objects a function can name unqualified.
#pragma once

#include "../Summary.h"

#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang {
class ASTContext;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace concur {

class LocMaker;
class ModelDatabase;

/// The translation unit's namespace-scope and static-member std::mutex objects, found once.
struct UnitMutexes {
  bool collected = false;
  std::vector<const clang::VarDecl *> globals;
  std::optional<std::optional<Edit>> include; // `#include <mutex>` for the main file, once asked
};

class GuardSites {
public:
  GuardSites(const clang::FunctionDecl *fn, clang::ASTContext &ctx, const ModelDatabase &models, LocMaker &locs,
             UnitMutexes &unit)
      : fn(fn), ctx(ctx), models(models), locs(locs), unit(unit) {}

  /// The index in `statements()` of the statement holding `anchor`, when a guard can wrap it;
  /// -1 otherwise (a condition, a declaration, a macro, a call into project code, …).
  int32_t statementOf(const clang::Stmt *anchor);
  std::vector<GuardableStatement> takeStatements() { return std::move(statements); }
  /// The std::mutex objects the body can name unqualified, as `p:this.<field>` or `g:<usr>`.
  std::vector<HeldLock> nameableMutexes();

private:
  std::optional<GuardableStatement> describe(const clang::Stmt *statement);
  bool callsNothingThatLocks(const clang::Stmt *statement) const;

  const clang::FunctionDecl *fn;
  clang::ASTContext &ctx;
  const ModelDatabase &models;
  LocMaker &locs;
  UnitMutexes &unit;
  std::vector<GuardableStatement> statements;
  llvm::DenseMap<const clang::Stmt *, int32_t> indexOf; // a full statement -> its index, or -1
};

} // namespace concur
