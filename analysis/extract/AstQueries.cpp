#include "AstQueries.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace concur {

bool isStdRecord(clang::QualType type, llvm::StringRef name) {
  const clang::CXXRecordDecl *record = type.isNull() ? nullptr : type->getAsCXXRecordDecl();
  return record && record->isInStdNamespace() && record->getName() == name;
}

bool isThreadType(clang::QualType type) { return isStdRecord(type, "thread") || isStdRecord(type, "jthread"); }

bool isThreadStart(const clang::Expr *e) {
  if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(e))
    return isThreadType(construct->getType()) && construct->getNumArgs() >= 1 &&
           !construct->getConstructor()->isCopyOrMoveConstructor();
  const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e);
  const clang::CXXMethodDecl *method = call ? call->getMethodDecl() : nullptr;
  return method && method->getName().starts_with("emplace") && call->getNumArgs() >= 1 &&
         !isThreadType(skipTemporaries(call->getArg(0))->getType());
}

const clang::Expr *skipTemporaries(const clang::Expr *e) {
  while (e) {
    e = e->IgnoreImplicit()->IgnoreParens();
    if (const auto *temp = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e))
      e = temp->getSubExpr();
    else if (const auto *bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e))
      e = bind->getSubExpr();
    else if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(e);
             construct && construct->getNumArgs() == 1 && construct->getConstructor()->isCopyOrMoveConstructor())
      e = construct->getArg(0);
    else
      return e;
  }
  return e;
}

} // namespace concur
