#include "AstQueries.h"

#include "Names.h"
#include "../Models.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace concur {

bool isStdRecord(clang::QualType type, llvm::StringRef name) {
  const clang::CXXRecordDecl *record = type.isNull() ? nullptr : type->getAsCXXRecordDecl();
  return record && record->isInStdNamespace() && record->getName() == name;
}

bool isThreadType(clang::QualType type) { return isStdRecord(type, "thread") || isStdRecord(type, "jthread"); }

bool isHandleType(clang::QualType type) {
  type = type.getNonReferenceType();
  return isThreadType(type) || isStdRecord(type, "future");
}

bool isStdRef(const clang::CallExpr *call) {
  const clang::FunctionDecl *fn = call->getDirectCallee();
  if (!fn || call->getNumArgs() != 1)
    return false;
  std::string name = normalizedName(fn);
  return name == "std::ref" || name == "std::cref";
}

bool isThreadStart(const clang::Expr *e) {
  if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(e))
    return isThreadType(construct->getType()) && construct->getNumArgs() >= 1 &&
           !construct->getConstructor()->isCopyOrMoveConstructor();
  const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e);
  const clang::CXXMethodDecl *method = call ? call->getMethodDecl() : nullptr;
  return method && method->getName().starts_with("emplace") && call->getNumArgs() >= 1 &&
         !isThreadType(skipTemporaries(call->getArg(0))->getType());
}

clang::DynTypedNode parentOf(clang::ASTContext &ctx, const clang::DynTypedNode &node) {
  auto parents = ctx.getParents(node);
  return parents.empty() ? clang::DynTypedNode() : parents[0];
}

clang::DynTypedNode meaningfulParent(clang::ASTContext &ctx, const clang::Expr *e, const clang::Expr **outer) {
  clang::DynTypedNode node = clang::DynTypedNode::create(*e);
  if (outer)
    *outer = e;
  while (true) {
    clang::DynTypedNode parent = parentOf(ctx, node);
    const auto *expr = parent.get<clang::Expr>();
    const auto *construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(expr);
    bool transparent = llvm::isa_and_nonnull<clang::ImplicitCastExpr, clang::MaterializeTemporaryExpr,
                                             clang::CXXBindTemporaryExpr, clang::ExprWithCleanups, clang::ParenExpr,
                                             clang::CXXFunctionalCastExpr>(expr) ||
                       (construct && construct->getNumArgs() == 1 &&
                        construct->getConstructor()->isCopyOrMoveConstructor());
    if (!transparent)
      return parent;
    if (outer && !llvm::isa<clang::ExprWithCleanups>(expr))
      *outer = expr;
    node = parent;
  }
}

bool storesIntoSlot(clang::ASTContext &ctx, const clang::DeclRefExpr *ref, const clang::Expr *start) {
  clang::DynTypedNode at = meaningfulParent(ctx, ref);
  const clang::Expr *slot = at.get<clang::ArraySubscriptExpr>();
  if (const auto *op = at.get<clang::CXXOperatorCallExpr>(); op && op->getOperator() == clang::OO_Subscript)
    slot = op;
  if (!slot)
    return false;
  const auto *assign = meaningfulParent(ctx, slot).get<clang::CXXOperatorCallExpr>();
  if (!assign || assign->getOperator() != clang::OO_Equal || assign->getNumArgs() != 2 ||
      skipTemporaries(assign->getArg(0)) != slot)
    return false;
  return skipToConstruction(assign->getArg(1)) == start;
}

const clang::Expr *skipToConstruction(const clang::Expr *e) {
  const clang::Expr *written = skipTemporaries(e);
  if (const auto *cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(written))
    return skipTemporaries(cast->getSubExpr());
  return written;
}

bool usedByPostfixOperator(clang::ASTContext &ctx, const clang::Expr *e) {
  clang::DynTypedNode node = parentOf(ctx, clang::DynTypedNode::create(*e));
  while (llvm::isa_and_nonnull<clang::ImplicitCastExpr, clang::MaterializeTemporaryExpr, clang::CXXBindTemporaryExpr>(
      node.get<clang::Expr>()))
    node = parentOf(ctx, node);
  const auto *parent = node.get<clang::Expr>();
  if (llvm::isa_and_nonnull<clang::MemberExpr, clang::ArraySubscriptExpr>(parent))
    return true;
  if (const auto *unary = llvm::dyn_cast_or_null<clang::UnaryOperator>(parent))
    return unary->isPostfix();
  if (const auto *op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(parent))
    return op->getOperator() == clang::OO_Subscript || op->getOperator() == clang::OO_Arrow ||
           op->getOperator() == clang::OO_Call;
  return false;
}

std::optional<IoKind> streamIoKind(const clang::Expr *stream, const ModelDatabase &models, clang::ASTContext &ctx) {
  stream = stream->IgnoreParenImpCasts();
  if (clang::Expr::EvalResult value; stream->getType()->isIntegerType() && stream->EvaluateAsInt(value, ctx)) {
    int64_t fd = value.Val.getInt().getExtValue();
    return fd >= 0 && fd <= 2 ? std::optional<IoKind>(IoKind::Terminal) : std::nullopt;
  }
  auto kindOf = [](const Model *object) -> std::optional<IoKind> {
    if (!object || (object->objectIo == IoKind::None && !object->objectIsMemory))
      return std::nullopt;
    return object->objectIsMemory ? IoKind::None : object->objectIo;
  };
  // `os << "," << x`: the outer operator writes to what the inner one returns, its own stream.
  if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(stream);
      op && (op->getOperator() == clang::OO_LessLess || op->getOperator() == clang::OO_GreaterGreater) &&
      op->getNumArgs() >= 1 && op->getCallReturnType(ctx)->isReferenceType())
    return streamIoKind(op->getArg(0), models, ctx);
  if (const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(stream);
      member && member->getCallReturnType(ctx)->isReferenceType() && member->getImplicitObjectArgument())
    return streamIoKind(member->getImplicitObjectArgument(), models, ctx); // `os.write(…) << x`
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(stream))
    if (std::optional<IoKind> kind = kindOf(models.lookup(normalizedName(ref->getDecl()))))
      return kind;
  if (const auto *record = stream->getType().getNonReferenceType()->getAsCXXRecordDecl())
    return kindOf(models.lookup(normalizedName(record)));
  return std::nullopt;
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

bool isThreadNumber(const clang::Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(e))
    if (const clang::FunctionDecl *fn = call->getDirectCallee())
      return fn->getName() == "omp_get_thread_num";
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->getInit())
      if (const auto *call = llvm::dyn_cast<clang::CallExpr>(var->getInit()->IgnoreParenImpCasts()))
        return call->getDirectCallee() && call->getDirectCallee()->getName() == "omp_get_thread_num";
  return false;
}

std::optional<int64_t> requiredThreadNumber(const clang::Expr *cond, clang::ASTContext &ctx) {
  if (!cond)
    return std::nullopt;
  cond = cond->IgnoreParenImpCasts();
  if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(cond);
      unary && unary->getOpcode() == clang::UO_LNot && isThreadNumber(unary->getSubExpr()))
    return 0;
  const auto *binary = llvm::dyn_cast<clang::BinaryOperator>(cond);
  if (!binary || binary->getOpcode() != clang::BO_EQ)
    return std::nullopt;
  const clang::Expr *other = isThreadNumber(binary->getLHS())   ? binary->getRHS()
                             : isThreadNumber(binary->getRHS()) ? binary->getLHS()
                                                                : nullptr;
  clang::Expr::EvalResult value;
  if (!other || other->isValueDependent() || !other->EvaluateAsInt(value, ctx))
    return std::nullopt;
  return value.Val.getInt().getExtValue();
}

bool startsBelowZero(const clang::Expr *index, clang::ASTContext &ctx) {
  const auto *sub = llvm::dyn_cast<clang::BinaryOperator>(index->IgnoreParenImpCasts());
  clang::Expr::EvalResult step;
  if (!sub || sub->getOpcode() != clang::BO_Sub || !sub->getRHS()->EvaluateAsInt(step, ctx))
    return false;
  const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(sub->getLHS()->IgnoreParenImpCasts());
  const clang::ValueDecl *counter = ref ? ref->getDecl() : nullptr;
  if (!counter)
    return false;
  clang::DynTypedNode node = clang::DynTypedNode::create(*index);
  for (node = parentOf(ctx, node); const auto *s = node.get<clang::Stmt>(); node = parentOf(ctx, node)) {
    if (llvm::isa<clang::IfStmt, clang::ConditionalOperator, clang::SwitchStmt>(s))
      return false;
    if (const auto *logical = llvm::dyn_cast<clang::BinaryOperator>(s); logical && logical->isLogicalOp())
      return false;
    const auto *loop = llvm::dyn_cast<clang::ForStmt>(s);
    if (!loop || !loop->getInit())
      continue;
    const clang::Expr *start = nullptr;
    if (const auto *assign = llvm::dyn_cast<clang::BinaryOperator>(loop->getInit());
        assign && assign->getOpcode() == clang::BO_Assign)
      if (const auto *lhs = llvm::dyn_cast<clang::DeclRefExpr>(assign->getLHS()->IgnoreParenImpCasts()); lhs && lhs->getDecl() == counter)
        start = assign->getRHS();
    if (const auto *decl = llvm::dyn_cast<clang::DeclStmt>(loop->getInit()); decl && decl->isSingleDecl() && decl->getSingleDecl() == counter)
      start = llvm::cast<clang::VarDecl>(counter)->getInit();
    clang::Expr::EvalResult first;
    if (start && start->EvaluateAsInt(first, ctx))
      return first.Val.getInt().getExtValue() < step.Val.getInt().getExtValue();
  }
  return false;
}

} // namespace concur
