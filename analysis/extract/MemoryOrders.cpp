#include "MemoryOrders.h"

#include "Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"


namespace concur {

namespace {

// std::memory_order's values, which C's memory_order and the __ATOMIC_* macros share.
enum : int64_t { Relaxed = 0, Consume = 1, Acquire = 2, Release = 3, AcqRel = 4, SeqCst = 5 };

OrderEffect effectOfValue(int64_t order) {
  return OrderEffect{order == Release || order == AcqRel || order == SeqCst,
                     order == Consume || order == Acquire || order == AcqRel || order == SeqCst};
}

/// An operand that makes a comparison a flag test: 0, 1, true, false, nullptr.
bool isFlagValue(const clang::Expr *e, clang::ASTContext &ctx) {
  e = e->IgnoreParenImpCasts();
  if (llvm::isa<clang::CXXBoolLiteralExpr, clang::CXXNullPtrLiteralExpr, clang::GNUNullExpr>(e))
    return true;
  if (const auto *literal = llvm::dyn_cast<clang::IntegerLiteral>(e))
    return literal->getValue().ule(1);
  return false;
}

} // namespace

OrderEffect orderEffect(const clang::Expr *order, clang::ASTContext &ctx) {
  if (!order || llvm::isa<clang::CXXDefaultArgExpr>(order))
    return effectOfValue(SeqCst);
  clang::Expr::EvalResult value;
  if (!order->isValueDependent() && order->EvaluateAsInt(value, ctx))
    return effectOfValue(value.Val.getInt().getExtValue());
  std::string text = sourceText(order->getSourceRange(), ctx.getSourceManager(), ctx.getLangOpts());
  OrderEffect effect;
  for (llvm::StringRef word : {"memory_order_release", "release", "memory_order_acq_rel", "acq_rel",
                               "memory_order_seq_cst", "seq_cst"})
    effect.releases |= textHasWord(text, word);
  for (llvm::StringRef word : {"memory_order_acquire", "acquire", "memory_order_consume", "consume",
                               "memory_order_acq_rel", "acq_rel", "memory_order_seq_cst", "seq_cst"})
    effect.acquires |= textHasWord(text, word);
  return effect;
}

void Fences::add(Fence fence, OrderEffect effect) {
  if (effect.releases)
    releases.push_back(fence);
  if (effect.acquires)
    acquires.push_back(fence);
}

std::optional<Fences::Fence> Fences::releaseBefore(uint32_t offset) const {
  std::optional<Fence> last;
  for (const Fence &f : releases)
    if (f.loc.offset < offset && (!last || f.loc.offset > last->loc.offset))
      last = f;
  return last;
}

std::optional<Fences::Fence> Fences::acquireAfter(uint32_t offset) const {
  std::optional<Fence> first;
  for (const Fence &f : acquires)
    if (f.loc.offset >= offset && (!first || f.loc.offset < first->loc.offset))
      first = f;
  return first;
}

bool waitsForCount(const clang::Expr *awaited, const clang::Stmt *loop, clang::ASTContext &ctx) {
  const clang::Stmt *child = awaited;
  while (child && child != loop) {
    clang::DynTypedNodeList parents = ctx.getParents(*child);
    const clang::Stmt *parent = parents.empty() ? nullptr : parents[0].get<clang::Stmt>();
    if (const auto *compare = llvm::dyn_cast_or_null<clang::BinaryOperator>(parent);
        compare && compare->isComparisonOp()) {
      const clang::Expr *other = compare->getLHS() == child ? compare->getRHS() : compare->getLHS();
      return !isFlagValue(other, ctx);
    }
    if (const auto *compare = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(parent);
        compare && compare->getNumArgs() == 2 && compare->isComparisonOp()) {
      const clang::Expr *other = compare->getArg(0) == child ? compare->getArg(1) : compare->getArg(0);
      return !isFlagValue(other, ctx);
    }
    child = parent;
  }
  return false;
}

} // namespace concur
