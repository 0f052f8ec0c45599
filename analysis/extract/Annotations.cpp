#include "Annotations.h"

#include "BodyShape.h"
#include "Locations.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace concur {
namespace {

/// The function whose parameters `e` names, if it names one. An attribute written on a
/// method's declaration in its class names that declaration's parameters, not those of the
/// out-of-line definition that inherits the attribute.
const clang::FunctionDecl *parameterOwner(const clang::Expr *e) {
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts()))
    if (const auto *param = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()))
      return llvm::dyn_cast<clang::FunctionDecl>(param->getDeclContext());
  if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e->IgnoreParenImpCasts()))
    return parameterOwner(unary->getSubExpr());
  return nullptr;
}

/// Names the capabilities an annotation of `fn` lists, as lock keys of `fn`'s frame.
class CapabilityNames {
public:
  CapabilityNames(const clang::FunctionDecl *fn, clang::ASTContext &ctx, const ModelDatabase &models)
      : fn(fn), ctx(ctx), models(models) {}

  /// The lock an argument names; nullopt for the forms that name none concur can follow
  /// (a string, a negative capability `!mu`, a call returning the lock).
  std::optional<HeldLock> operator()(const clang::Expr *arg, bool shared) const {
    const clang::Expr *e = arg->IgnoreParenImpCasts();
    if (llvm::isa<clang::StringLiteral>(e))
      return std::nullopt;
    if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e); unary && unary->getOpcode() == clang::UO_LNot)
      return std::nullopt;
    const clang::FunctionDecl *owner = parameterOwner(e);
    LocationResolver resolver(ctx, models, noShape, owner ? owner : fn, noCaptures);
    std::optional<AbstractLocation> where =
        e->getType()->isPointerType() ? resolver.ofPointee(e, -1, true) : resolver.ofLValue(e, -1, true);
    if (!where)
      return std::nullopt;
    return HeldLock{where->key, where->display, shared};
  }

  /// Every lock an attribute's argument list names; none written means the object itself.
  template <typename Range> std::vector<HeldLock> all(Range args, bool shared) const {
    std::vector<HeldLock> locks;
    for (const clang::Expr *arg : args)
      if (std::optional<HeldLock> lock = (*this)(arg, shared))
        locks.push_back(*lock);
    if (args.empty() && llvm::isa<clang::CXXMethodDecl>(fn) && !llvm::cast<clang::CXXMethodDecl>(fn)->isStatic())
      locks.push_back(HeldLock{"p:this", "this", shared});
    return locks;
  }

private:
  const clang::FunctionDecl *fn;
  clang::ASTContext &ctx;
  const ModelDatabase &models;
  BodyShape noShape; // attribute arguments sit in no loop and take no local's address
  llvm::DenseSet<const clang::ValueDecl *> noCaptures;
};

/// The pointer a dereference goes through: `p` in `*p`, `p[i]`, `p->f`.
const clang::Expr *dereferencedPointer(const clang::Expr *e) {
  if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e); unary && unary->getOpcode() == clang::UO_Deref)
    return unary->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e);
      subscript && subscript->getBase()->IgnoreParenImpCasts()->getType()->isPointerType())
    return subscript->getBase()->IgnoreParenImpCasts();
  if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e); member && member->isArrow())
    return member->getBase()->IgnoreParenImpCasts();
  return nullptr;
}

/// The guard expression an annotation on what `e` names declares, and the object `e` belongs
/// to (null for a variable, whose guard cannot name `this`).
struct Guarded {
  const clang::Expr *guard = nullptr;
  const clang::MemberExpr *member = nullptr;
};

template <typename GuardAttr> Guarded annotated(const clang::Expr *e) {
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    if (const auto *attr = ref->getDecl()->getAttr<GuardAttr>())
      return Guarded{attr->getArg(), nullptr};
  if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e))
    if (const auto *attr = member->getMemberDecl()->getAttr<GuardAttr>())
      return Guarded{attr->getArg(), member};
  return {};
}

} // namespace

std::optional<LockEffects> declaredLockEffects(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                               const ModelDatabase &models) {
  if (!fn->hasAttr<clang::AcquireCapabilityAttr>() && !fn->hasAttr<clang::ReleaseCapabilityAttr>())
    return std::nullopt;
  CapabilityNames names(fn, ctx, models);
  LockEffects effects;
  for (const auto *attr : fn->specific_attrs<clang::ReleaseCapabilityAttr>())
    for (const HeldLock &lock : names.all(attr->args(), false))
      effects.releases.push_back(lock.lock);
  for (const auto *attr : fn->specific_attrs<clang::AcquireCapabilityAttr>())
    for (const HeldLock &lock : names.all(attr->args(), attr->isShared()))
      effects.acquires.push_back(lock);
  return effects;
}

std::optional<DeclaredTryLock> declaredTryLock(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                               const ModelDatabase &models) {
  CapabilityNames names(fn, ctx, models);
  auto make = [&](const clang::Expr *success, auto args, bool shared) -> std::optional<DeclaredTryLock> {
    DeclaredTryLock out;
    bool value = true;
    if (success && !success->isValueDependent() && success->EvaluateAsBooleanCondition(value, ctx))
      out.successValue = value;
    out.acquires = names.all(args, shared);
    return out;
  };
  if (const auto *attr = fn->getAttr<clang::TryAcquireCapabilityAttr>())
    return make(attr->getSuccessValue(), attr->args(), attr->isShared());
  if (const auto *attr = fn->getAttr<clang::ExclusiveTrylockFunctionAttr>())
    return make(attr->getSuccessValue(), attr->args(), false);
  if (const auto *attr = fn->getAttr<clang::SharedTrylockFunctionAttr>())
    return make(attr->getSuccessValue(), attr->args(), true);
  return std::nullopt;
}

std::vector<HeldLock> locksHeldOnEntry(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                       const ModelDatabase &models) {
  std::vector<HeldLock> held;
  CapabilityNames names(fn, ctx, models);
  for (const auto *attr : fn->specific_attrs<clang::RequiresCapabilityAttr>())
    for (const clang::Expr *arg : attr->args())
      if (std::optional<HeldLock> lock = names(arg, attr->isShared()))
        held.push_back(*lock);
  // A scoped guard's destructor releases what its constructor took, not the guard object.
  if (llvm::isa<clang::CXXDestructorDecl>(fn))
    return held;
  for (const auto *attr : fn->specific_attrs<clang::ReleaseCapabilityAttr>())
    for (const HeldLock &lock : names.all(attr->args(), attr->isShared()))
      held.push_back(lock);
  return held;
}

std::optional<HeldLock> declaredGuard(const clang::Expr *lvalue, const LocationResolver &resolver, int32_t loop) {
  const clang::Expr *e = lvalue->IgnoreParenImpCasts();
  Guarded found = annotated<clang::GuardedByAttr>(e);
  if (!found.guard)
    if (const clang::Expr *pointer = dereferencedPointer(e))
      found = annotated<clang::PtGuardedByAttr>(pointer);
  if (!found.guard)
    return std::nullopt;
  const clang::Expr *guard = found.guard->IgnoreParenImpCasts();
  std::optional<AbstractLocation> where = guard->getType()->isPointerType() ? resolver.ofPointee(guard, loop, true)
                                                                             : resolver.ofLValue(guard, loop, true);
  if (!where)
    return std::nullopt;
  // A field's guard is written in its class (`mu_`, that is `this->mu_`): the object is the
  // one the access goes through.
  if (llvm::StringRef(where->key).starts_with("p:this")) {
    if (!found.member)
      return std::nullopt;
    const clang::Expr *base = found.member->getBase();
    std::optional<AbstractLocation> object =
        found.member->isArrow() ? resolver.ofPointee(base, loop, true) : resolver.ofLValue(base, loop, true);
    if (!object)
      return std::nullopt;
    where->key = object->key + where->key.substr(6);
  }
  return HeldLock{where->key, where->display, false};
}

} // namespace concur
