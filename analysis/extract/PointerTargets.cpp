// Which functions a function pointer may hold: the values given to each pointer variable or
// field anywhere in the translation unit (initializers, tables, designated struct initializers,
// assignments). Enough for dispatch tables and C "vtables" of function pointers.
#include "FunctionFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace concur {
namespace {

bool isFunctionPointer(clang::QualType type) {
  type = type.getNonReferenceType();
  while (const auto *array = type->getAsArrayTypeUnsafe())
    type = array->getElementType();
  return type->isFunctionPointerType() || type->isMemberFunctionPointerType();
}

/// Every function an expression names: `&f`, `cond ? &a : &b`, `{&a, &b}`.
void functionsIn(const clang::Expr *e, std::vector<const clang::FunctionDecl *> &out) {
  if (!e)
    return;
  e = e->IgnoreParenImpCasts();
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    if (const auto *fn = llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()))
      out.push_back(fn);
    return;
  }
  for (const clang::Stmt *child : e->children())
    if (const auto *expr = llvm::dyn_cast_or_null<clang::Expr>(child))
      functionsIn(expr, out);
}

class Collector : public clang::RecursiveASTVisitor<Collector> {
public:
  Collector(clang::ASTContext &ctx, UnitFacts &kinds) : ctx(ctx), kinds(kinds) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(clang::Decl *decl) {
    if (decl && !llvm::isa<clang::TranslationUnitDecl>(decl) &&
        ctx.getSourceManager().isInSystemHeader(decl->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(decl);
  }

  bool VisitVarDecl(clang::VarDecl *var) {
    if (var->getInit() && isFunctionPointer(var->getType()))
      functionsIn(var->getInit(), kinds.pointerValues[var]);
    return true;
  }

  bool VisitInitListExpr(clang::InitListExpr *list) {
    const auto *record = list->getType()->getAsRecordDecl();
    if (!record)
      return true;
    unsigned i = 0;
    for (const clang::FieldDecl *field : record->fields()) {
      if (i >= list->getNumInits())
        break;
      if (isFunctionPointer(field->getType()))
        functionsIn(list->getInit(i), kinds.pointerValues[field]);
      ++i;
    }
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator *op) {
    if (!op->isAssignmentOp() || !isFunctionPointer(op->getLHS()->getType()))
      return true;
    const clang::Expr *lhs = op->getLHS()->IgnoreParenImpCasts();
    const clang::ValueDecl *target = nullptr;
    if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(lhs))
      target = ref->getDecl();
    else if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(lhs))
      target = member->getMemberDecl();
    if (target)
      functionsIn(op->getRHS(), kinds.pointerValues[target]);
    return true;
  }

private:
  clang::ASTContext &ctx;
  UnitFacts &kinds;
};

} // namespace

void collectPointerValues(clang::ASTContext &ctx, UnitFacts &kinds) {
  Collector(ctx, kinds).TraverseDecl(ctx.getTranslationUnitDecl());
  for (auto &[decl, functions] : kinds.pointerValues) {
    std::sort(functions.begin(), functions.end());
    functions.erase(std::unique(functions.begin(), functions.end()), functions.end());
  }
}

std::vector<const clang::FunctionDecl *> UnitFacts::pointerTargets(const clang::Expr *callee) const {
  for (const clang::Expr *e = callee; e;) {
    e = e->IgnoreParenImpCasts();
    const clang::ValueDecl *decl = nullptr;
    if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
      decl = ref->getDecl();
    else if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e))
      decl = member->getMemberDecl();
    else if (const auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
      e = subscript->getBase();
      continue;
    } else if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e);
               unary && unary->getOpcode() == clang::UO_Deref) {
      e = unary->getSubExpr();
      continue;
    }
    if (!decl)
      return {};
    auto it = pointerValues.find(decl);
    return it == pointerValues.end() ? std::vector<const clang::FunctionDecl *>{} : it->second;
  }
  return {};
}

} // namespace concur
