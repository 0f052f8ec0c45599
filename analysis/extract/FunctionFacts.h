// Extracts one function's facts: calls with their effects, accesses, spawns and joins, each
// with the locks held there (a must-hold lockset, flow-sensitive over Clang's CFG).
#pragma once

#include "../Summary.h"

#include "llvm/ADT/DenseMap.h"

namespace clang {
class ASTContext;
class FunctionDecl;
class LambdaExpr;
class ValueDecl;
class Expr;
} // namespace clang

namespace concur {

class LocMaker;
class ModelDatabase;

/// What the functions of one translation unit learn about descriptors and streams (a field set
/// to `socket(AF_UNIX, …)` in a constructor makes `send(fd_, …)` in a method ipc).
struct DescriptorKinds {
  llvm::DenseMap<const clang::ValueDecl *, IoKind> kinds;
  /// Functions a variable or field of function-pointer type is given anywhere in the TU.
  llvm::DenseMap<const clang::ValueDecl *, std::vector<const clang::FunctionDecl *>> pointerValues;

  /// The functions a called expression may be: `fp`, `table[i]`, `t->send`.
  std::vector<const clang::FunctionDecl *> pointerTargets(const clang::Expr *callee) const;
};

/// Fills `kinds.pointerValues` from every initializer and assignment of the TU.
void collectPointerValues(clang::ASTContext &ctx, DescriptorKinds &kinds);

/// `lambda` is the expression whose call operator `fn` is, when it is one.
Function extractFunction(const clang::FunctionDecl *fn, const clang::LambdaExpr *lambda,
                         clang::ASTContext &ctx, const ModelDatabase &models, LocMaker &locs,
                         DescriptorKinds &descriptors);

} // namespace concur
