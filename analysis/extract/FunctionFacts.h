// Extracts one function's facts: calls with their effects, accesses, spawns and joins, each
// with the locks held there (a must-hold lockset, flow-sensitive over Clang's CFG).
#pragma once

#include "../Summary.h"

namespace clang {
class ASTContext;
class FunctionDecl;
class LambdaExpr;
} // namespace clang

namespace concur {

class LocMaker;
class ModelDatabase;

/// `lambda` is the expression whose call operator `fn` is, when it is one.
Function extractFunction(const clang::FunctionDecl *fn, const clang::LambdaExpr *lambda,
                         clang::ASTContext &ctx, const ModelDatabase &models, LocMaker &locs);

} // namespace concur
