#include "JoinAllStatements.h"

#include "AstQueries.h"
#include "SourceText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace concur {
namespace {

/// `h.join()` or `h.get()` where `isHandle(h)`.
template <typename IsHandle> bool isJoinOf(const clang::Stmt *s, IsHandle isHandle) {
  const auto *call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(s);
  const clang::CXXMethodDecl *method = call ? call->getMethodDecl() : nullptr;
  if (!method || !method->getIdentifier() || call->getNumArgs() != 0 ||
      (method->getName() != "join" && method->getName() != "get"))
    return false;
  return isHandle(call->getImplicitObjectArgument()->IgnoreParenImpCasts());
}

/// `h.join();`, or `if (h.joinable()) h.join();` (`valid()` for a future).
template <typename IsHandle> bool joinsHandle(const clang::Stmt *s, IsHandle isHandle) {
  if (const auto *branch = llvm::dyn_cast_or_null<clang::IfStmt>(s)) {
    if (branch->getElse() || branch->getInit() || branch->getConditionVariable())
      return false;
    const auto *test = llvm::dyn_cast<clang::CXXMemberCallExpr>(branch->getCond()->IgnoreParenImpCasts());
    const clang::CXXMethodDecl *method = test ? test->getMethodDecl() : nullptr;
    if (!method || !method->getIdentifier() || (method->getName() != "joinable" && method->getName() != "valid") ||
        !isHandle(test->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      return false;
    s = onlyStatement(branch->getThen());
  }
  return isJoinOf(s, isHandle);
}

/// `ts.begin()`, `ts.cbegin()` (or end) on the container.
bool isIteratorOf(const clang::Expr *e, const clang::VarDecl *handles, llvm::StringRef which) {
  const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(skipTemporaries(e)->IgnoreParenImpCasts());
  const clang::CXXMethodDecl *method = call ? call->getMethodDecl() : nullptr;
  if (!method || !method->getIdentifier() || call->getNumArgs() != 0)
    return false;
  llvm::StringRef name = method->getName();
  return (name == which || name == ("c" + which).str()) && refersTo(call->getImplicitObjectArgument(), handles);
}

/// `*it` or the `it` of `it->`, written as an overloaded operator on a class iterator.
bool dereferences(const clang::Expr *e, const clang::VarDecl *iterator) {
  const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(e);
  return op && (op->getOperator() == clang::OO_Arrow || op->getOperator() == clang::OO_Star) &&
         op->getNumArgs() >= 1 && refersTo(op->getArg(0), iterator);
}

bool isRangeJoin(const clang::CXXForRangeStmt *loop, const clang::VarDecl *handles) {
  const clang::VarDecl *element = loop->getLoopVariable();
  return refersTo(loop->getRangeInit(), handles) &&
         joinsHandle(onlyStatement(loop->getBody()), [&](const clang::Expr *h) { return refersTo(h, element); });
}

bool isIteratorJoin(const clang::ForStmt *loop, const clang::VarDecl *handles) {
  const auto *init = llvm::dyn_cast_or_null<clang::DeclStmt>(loop->getInit());
  const auto *it = init && init->isSingleDecl() ? llvm::dyn_cast<clang::VarDecl>(init->getSingleDecl()) : nullptr;
  if (!it || !it->getInit() || !isIteratorOf(it->getInit(), handles, "begin") || !loop->getCond() || !loop->getInc())
    return false;
  const clang::Expr *cond = loop->getCond()->IgnoreParenImpCasts();
  const clang::Expr *lhs = nullptr, *rhs = nullptr;
  if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(cond);
      op && op->getNumArgs() == 2 && (op->getOperator() == clang::OO_ExclaimEqual || op->getOperator() == clang::OO_Less))
    lhs = op->getArg(0), rhs = op->getArg(1);
  else if (const auto *rewritten = llvm::dyn_cast<clang::CXXRewrittenBinaryOperator>(cond);
           rewritten && rewritten->getOperator() == clang::BO_NE) // C++20: `!(it == end)`
    lhs = rewritten->getLHS(), rhs = rewritten->getRHS();
  else if (const auto *bin = llvm::dyn_cast<clang::BinaryOperator>(cond);
           bin && (bin->getOpcode() == clang::BO_NE || bin->getOpcode() == clang::BO_LT))
    lhs = bin->getLHS(), rhs = bin->getRHS();
  if (!lhs || !refersTo(lhs, it) || !isIteratorOf(rhs, handles, "end"))
    return false;
  const clang::Expr *inc = loop->getInc()->IgnoreParenImpCasts();
  bool steps = false;
  if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(inc))
    steps = op->getOperator() == clang::OO_PlusPlus && refersTo(op->getArg(0), it);
  else if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(inc))
    steps = unary->isIncrementOp() && refersTo(unary->getSubExpr(), it);
  return steps && joinsHandle(onlyStatement(loop->getBody()), [&](const clang::Expr *h) { return dereferences(h, it); });
}

/// `for (size_t i = 0; i < ts.size(); ++i) ts[i].join();`
bool isIndexJoin(const clang::ForStmt *loop, const clang::VarDecl *handles) {
  const auto *init = llvm::dyn_cast_or_null<clang::DeclStmt>(loop->getInit());
  const auto *index = init && init->isSingleDecl() ? llvm::dyn_cast<clang::VarDecl>(init->getSingleDecl()) : nullptr;
  const auto *zero = index && index->getInit()
                         ? llvm::dyn_cast<clang::IntegerLiteral>(index->getInit()->IgnoreParenImpCasts())
                         : nullptr;
  const auto *cond = loop->getCond() ? llvm::dyn_cast<clang::BinaryOperator>(loop->getCond()->IgnoreParenImpCasts())
                                     : nullptr;
  const auto *inc = loop->getInc() ? llvm::dyn_cast<clang::UnaryOperator>(loop->getInc()->IgnoreParenImpCasts())
                                   : nullptr;
  if (!zero || zero->getValue() != 0 || !cond || cond->getOpcode() != clang::BO_LT || !refersTo(cond->getLHS(), index) ||
      !inc || !inc->isIncrementOp() || !refersTo(inc->getSubExpr(), index))
    return false;
  return joinsHandle(onlyStatement(loop->getBody()), [&](const clang::Expr *h) {
    if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(h))
      return op->getOperator() == clang::OO_Subscript && refersTo(op->getArg(0), handles) &&
             refersTo(op->getArg(1), index);
    const auto *element = llvm::dyn_cast<clang::ArraySubscriptExpr>(h);
    return element && refersTo(element->getBase(), handles) && refersTo(element->getIdx(), index);
  });
}

/// `std::mem_fn(&std::thread::join)` or a one-parameter lambda that joins its parameter.
bool joinsItsArgument(const clang::Expr *f) {
  f = skipTemporaries(f)->IgnoreParenImpCasts();
  if (const auto *lambda = llvm::dyn_cast<clang::LambdaExpr>(f)) {
    const clang::CXXMethodDecl *op = lambda->getCallOperator();
    if (op->getNumParams() != 1)
      return false;
    const clang::ParmVarDecl *param = op->getParamDecl(0);
    return joinsHandle(onlyStatement(lambda->getBody()), [&](const clang::Expr *h) { return refersTo(h, param); });
  }
  const auto *call = llvm::dyn_cast<clang::CallExpr>(f);
  const clang::FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->isInStdNamespace() || !callee->getIdentifier() || callee->getName() != "mem_fn" ||
      call->getNumArgs() != 1)
    return false;
  const auto *address = llvm::dyn_cast<clang::UnaryOperator>(call->getArg(0)->IgnoreParenImpCasts());
  const auto *ref = address && address->getOpcode() == clang::UO_AddrOf
                        ? llvm::dyn_cast<clang::DeclRefExpr>(address->getSubExpr()->IgnoreParenImpCasts())
                        : nullptr;
  const auto *method = ref ? llvm::dyn_cast<clang::CXXMethodDecl>(ref->getDecl()) : nullptr;
  if (!method || !method->getIdentifier() || (method->getName() != "join" && method->getName() != "get"))
    return false;
  return isHandleType(clang::QualType(method->getParent()->getTypeForDecl(), 0));
}

bool isForEachJoin(const clang::CallExpr *call, const clang::VarDecl *handles) {
  const clang::FunctionDecl *callee = call->getDirectCallee();
  return callee && callee->isInStdNamespace() && callee->getIdentifier() && callee->getName() == "for_each" &&
         call->getNumArgs() == 3 && isIteratorOf(call->getArg(0), handles, "begin") &&
         isIteratorOf(call->getArg(1), handles, "end") && joinsItsArgument(call->getArg(2));
}

} // namespace

const clang::Stmt *joinAllStatement(clang::ASTContext &ctx, const clang::DeclRefExpr *use,
                                    const clang::VarDecl *handles) {
  // The container is named a few levels below the statement: `ts.begin()` in a loop's init or
  // condition, or in a call's arguments.
  clang::DynTypedNode node = clang::DynTypedNode::create(*use);
  for (int depth = 0; depth < 12; ++depth) {
    node = parentOf(ctx, node);
    if (node.get<clang::VarDecl>())
      continue; // the iterator's declaration: `auto it = ts.begin()`
    const auto *s = node.get<clang::Stmt>();
    if (!s)
      return nullptr;
    if (const auto *range = llvm::dyn_cast<clang::CXXForRangeStmt>(s))
      return isRangeJoin(range, handles) ? s : nullptr;
    if (const auto *loop = llvm::dyn_cast<clang::ForStmt>(s))
      return isIteratorJoin(loop, handles) || isIndexJoin(loop, handles) ? s : nullptr;
    if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s); call && isForEachJoin(call, handles)) {
      // Only as a statement of its own: its value (an unused function object) goes nowhere.
      const auto *block = meaningfulParent(ctx, call).get<clang::CompoundStmt>();
      return block ? s : nullptr;
    }
    if (llvm::isa<clang::CompoundStmt>(s))
      return nullptr;
  }
  return nullptr;
}

} // namespace concur
