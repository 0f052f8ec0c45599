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
} // namespace clang

namespace concur {

class LocMaker;
class ModelDatabase;

/// What the functions of one translation unit learn about descriptors and streams (a field set
/// to `socket(AF_UNIX, …)` in a constructor makes `send(fd_, …)` in a method ipc).
struct DescriptorKinds {
  llvm::DenseMap<const clang::ValueDecl *, IoKind> kinds;
};

/// `lambda` is the expression whose call operator `fn` is, when it is one.
Function extractFunction(const clang::FunctionDecl *fn, const clang::LambdaExpr *lambda,
                         clang::ASTContext &ctx, const ModelDatabase &models, LocMaker &locs,
                         DescriptorKinds &descriptors);

} // namespace concur
