#include "Locations.h"

#include "../Models.h"
#include "AstQueries.h"
#include "Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

namespace concur {
namespace {

const clang::Expr *strip(const clang::Expr *e) {
  while (true) {
    e = e->IgnoreParens();
    if (const auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(e)) {
      switch (cast->getCastKind()) {
      case clang::CK_NoOp:
      case clang::CK_DerivedToBase:
      case clang::CK_UncheckedDerivedToBase:
      case clang::CK_LValueToRValue:
        e = cast->getSubExpr();
        continue;
      default:
        return e;
      }
    }
    if (const auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(e)) {
      e = cleanups->getSubExpr();
      continue;
    }
    return e;
  }
}


} // namespace

std::string LocationResolver::display(const clang::Expr *e) const {
  return sourceText(e->getSourceRange(), ctx.getSourceManager(), ctx.getLangOpts());
}

std::optional<AbstractLocation> LocationResolver::ofVariable(const clang::Expr *ref,
                                                             const clang::ValueDecl *decl,
                                                             int32_t loop, bool anyLocal) const {
  const auto *var = llvm::dyn_cast<clang::VarDecl>(decl);
  if (!var)
    return std::nullopt;
  AbstractLocation out;
  out.display = display(ref);
  if (const auto *param = llvm::dyn_cast<clang::ParmVarDecl>(var);
      param && param->getDeclContext() == function) {
    if (!param->getType()->isReferenceType() && !anyLocal)
      return std::nullopt;
    out.key = "p:" + std::to_string(param->getFunctionScopeIndex());
    return out;
  }
  if (var->hasGlobalStorage()) {
    if (var->getTLSKind() != clang::VarDecl::TLS_None)
      return std::nullopt; // thread_local: one object per thread
    if (var->getType().isConstQualified() && !anyLocal)
      return std::nullopt; // read-only data cannot race
    out.key = "g:" + usrOf(var);
    return out;
  }
  if (var->getType()->isReferenceType() && var->getInit() && var->getDeclContext() == function)
    return ofLValue(var->getInit(), loop, anyLocal);
  bool captured = var->getDeclContext() != function;
  bool shared = captured ? byReferenceCaptures.contains(var) : shape.escapingLocals.contains(var);
  if (!shared && !anyLocal)
    return std::nullopt;
  out.key = "l:" + usrOf(var);
  return out;
}

std::optional<AbstractLocation> LocationResolver::ofLValue(const clang::Expr *e, int32_t loop,
                                                           bool anyLocal) const {
  if (!e)
    return std::nullopt;
  e = strip(e);
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    return ofVariable(ref, ref->getDecl(), loop, anyLocal);
  if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e)) {
    const clang::ValueDecl *decl = member->getMemberDecl();
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(decl)) // static data member
      return ofVariable(member, var, loop, anyLocal);
    const auto *field = llvm::dyn_cast<clang::FieldDecl>(decl);
    if (!field)
      return std::nullopt;
    std::optional<AbstractLocation> base =
        member->isArrow() ? ofPointee(member->getBase(), loop, anyLocal)
                          : ofLValue(member->getBase(), loop, anyLocal);
    if (!base)
      return std::nullopt;
    base->key += "." + field->getNameAsString();
    base->display = display(member);
    return base;
  }
  if (const auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
    std::optional<AbstractLocation> base = ofPointee(subscript->getBase(), loop, anyLocal);
    if (!base)
      return std::nullopt;
    base->key += "[]";
    // An element of a row that belongs to one thread instance (`rows[id][k]`) belongs to it too.
    bool instanceRow = llvm::StringRef(base->index).starts_with("param:") || llvm::StringRef(base->index).starts_with("capture:");
    if (!instanceRow)
      base->index = indexShape(subscript->getIdx(), loop);
    base->display = display(subscript);
    return base;
  }
  if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e))
    if (unary->getOpcode() == clang::UO_Deref)
      return ofPointee(unary->getSubExpr(), loop, anyLocal);
  if (const auto *call = llvm::dyn_cast<clang::CXXOperatorCallExpr>(e)) {
    const auto *method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(call->getDirectCallee());
    const Model *model = method ? models.lookup(normalizedName(method)) : nullptr;
    if (model && model->container == ContainerAccess::Element && call->getNumArgs() >= 1) {
      std::optional<AbstractLocation> base = ofLValue(call->getArg(0), loop, anyLocal);
      if (!base)
        return std::nullopt;
      base->key += "[]";
      if (call->getNumArgs() >= 2)
        base->index = indexShape(call->getArg(1), loop);
      base->display = display(call);
      return base;
    }
  }
  if (const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e)) {
    const clang::CXXMethodDecl *method = call->getMethodDecl();
    const Model *model = method ? models.lookup(normalizedName(method)) : nullptr;
    if (model && model->container == ContainerAccess::Element) {
      std::optional<AbstractLocation> base =
          ofLValue(call->getImplicitObjectArgument(), loop, anyLocal);
      if (!base)
        return std::nullopt;
      base->key += "[]";
      base->index = call->getNumArgs() >= 1 ? indexShape(call->getArg(0), loop) : "const";
      base->display = display(call);
      return base;
    }
  }
  return std::nullopt;
}

namespace {

bool isSmartPointer(clang::QualType type) {
  type = type.getNonReferenceType();
  return isStdRecord(type, "shared_ptr") || isStdRecord(type, "unique_ptr");
}

/// `new T`, `std::make_shared<T>(…)`, `std::make_unique<T>(…)`, `malloc(n)`, `calloc(n, k)`.
bool isAllocation(const clang::Expr *e) {
  if (llvm::isa<clang::CXXNewExpr>(e))
    return true;
  const auto *call = llvm::dyn_cast<clang::CallExpr>(e);
  const clang::FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->getIdentifier())
    return false;
  llvm::StringRef name = callee->getName();
  if (callee->isInStdNamespace())
    return name == "make_shared" || name == "make_unique" || name == "allocate_shared";
  return name == "malloc" || name == "calloc";
}

} // namespace

std::optional<AbstractLocation> LocationResolver::ofPointee(const clang::Expr *e, int32_t loop,
                                                            bool anyLocal) const {
  if (!e)
    return std::nullopt;
  e = e->IgnoreParens();
  for (;;) {
    if (const auto *cast = llvm::dyn_cast<clang::CastExpr>(e)) {
      if (cast->getCastKind() == clang::CK_ArrayToPointerDecay)
        return ofLValue(cast->getSubExpr(), loop, anyLocal);
      e = cast->getSubExpr()->IgnoreParens();
    } else if (const auto *temporary = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) {
      e = temporary->getSubExpr()->IgnoreParens();
    } else if (const auto *bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e)) {
      e = bind->getSubExpr()->IgnoreParens();
    } else if (const auto *full = llvm::dyn_cast<clang::ExprWithCleanups>(e)) {
      e = full->getSubExpr()->IgnoreParens();
    } else if (const auto *call = llvm::dyn_cast<clang::CallExpr>(e);
               call && call->getNumArgs() == 1 && call->getDirectCallee() &&
               call->getDirectCallee()->isInStdNamespace() && call->getDirectCallee()->getIdentifier() &&
               (call->getDirectCallee()->getName() == "move" || call->getDirectCallee()->getName() == "forward")) {
      e = call->getArg(0)->IgnoreParens(); // `[sp = std::move(first)]`: what `first` pointed to
    } else if (const auto *copy = llvm::dyn_cast<clang::CXXConstructExpr>(e);
               copy && copy->getNumArgs() == 1 && isSmartPointer(copy->getType()) &&
               copy->getConstructor()->isCopyOrMoveConstructor()) {
      e = copy->getArg(0)->IgnoreParens(); // a copy of a smart pointer shares its object
    } else {
      break;
    }
  }
  if (llvm::isa<clang::CXXThisExpr>(e))
    return AbstractLocation{"p:this", "this", ""};
  // One object per allocation expression: what every copy of the pointer reaches.
  if (isAllocation(e)) {
    const clang::SourceManager &sm = ctx.getSourceManager();
    clang::SourceLocation at = sm.getExpansionLoc(e->getBeginLoc());
    // The allocating function is part of the name: a thread running it makes its own object.
    return AbstractLocation{"h:" + usrOf(allocatingFunction(e)) + "|" + sm.getFilename(at).str() + ":" +
                                std::to_string(sm.getFileOffset(at)),
                            "*" + display(e), ""};
  }
  // `s->n`, `*s` on a std::shared_ptr or std::unique_ptr: what the pointer points to.
  if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(e);
      op && (op->getOperator() == clang::OO_Arrow || op->getOperator() == clang::OO_Star) && op->getNumArgs() == 1 &&
      isSmartPointer(op->getArg(0)->IgnoreImpCasts()->getType()))
    return ofPointee(op->getArg(0), loop, anyLocal);
  if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e))
    if (unary->getOpcode() == clang::UO_AddrOf)
      return ofLValue(unary->getSubExpr(), loop, anyLocal);
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (!var)
      return std::nullopt;
    if (var->getType()->isArrayType()) // an array passed where a pointer is expected: the array itself
      return ofLValue(e, loop, anyLocal);
    if (const auto *param = llvm::dyn_cast<clang::ParmVarDecl>(var);
        param && param->getDeclContext() == function)
      return AbstractLocation{"p:" + std::to_string(param->getFunctionScopeIndex()), display(ref), ""};
    if (var->hasGlobalStorage() && var->getTLSKind() == clang::VarDecl::TLS_None)
      return AbstractLocation{"g:" + usrOf(var) + "*", "*" + display(ref), ""};
    if (var->getDeclContext() == function && !shape.escapingLocals.contains(var))
      if (std::optional<AbstractLocation> target = ofLocalPointer(var, loop, anyLocal))
        return target;
    // A pointer a lambda captured by copy (`[p] { ++*p; }`) points where the enclosing
    // function's `p` was set to point.
    if (var->getDeclContext() != function && var->hasLocalStorage() && !byReferenceCaptures.contains(var) &&
        var->getInit() && !declaredInLoop(var) && following.insert(var).second) {
      std::optional<AbstractLocation> target = ofPointee(var->getInit(), loop, /*anyLocal=*/true);
      following.erase(var);
      if (target)
        return target;
    }
    // Else, in a parallel region, what the team's pointer points to (`A = malloc(…)` before it).
    if (anyLocal && var->getDeclContext() == function && shape.teamPointers.contains(var))
      return AbstractLocation{"l:" + usrOf(var) + "*", "*" + display(ref), ""};
    return std::nullopt;
  }
  if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e)) {
    std::optional<AbstractLocation> field = ofLValue(member, loop, /*anyLocal=*/true);
    if (!field || field->key.starts_with("l:"))
      return std::nullopt;
    field->key += "*";
    return field;
  }
  if (const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e)) {
    // `vec.data()`, `ptr.get()`: the pointee belongs to the object.
    std::optional<AbstractLocation> object = ofLValue(call->getImplicitObjectArgument(), loop, anyLocal);
    if (!object)
      return std::nullopt;
    object->key += "*";
    return object;
  }
  return std::nullopt;
}

const clang::FunctionDecl *LocationResolver::allocatingFunction(const clang::Expr *e) const {
  for (clang::DynTypedNodeList parents = ctx.getParents(*e); !parents.empty(); parents = ctx.getParents(parents[0])) {
    if (const auto *lambda = parents[0].get<clang::LambdaExpr>())
      return lambda->getCallOperator();
    if (const auto *fn = parents[0].get<clang::FunctionDecl>())
      return fn;
  }
  return function;
}

bool LocationResolver::declaredInLoop(const clang::VarDecl *var) const {
  for (clang::DynTypedNodeList parents = ctx.getParents(*var); !parents.empty(); parents = ctx.getParents(parents[0])) {
    if (parents[0].get<clang::FunctionDecl>() || parents[0].get<clang::LambdaExpr>())
      return false;
    if (parents[0].get<clang::ForStmt>() || parents[0].get<clang::WhileStmt>() || parents[0].get<clang::DoStmt>() ||
        parents[0].get<clang::CXXForRangeStmt>())
      return true;
  }
  return false;
}

std::optional<AbstractLocation> LocationResolver::ofLocalPointer(const clang::VarDecl *var, int32_t loop,
                                                                 bool anyLocal) const {
  std::vector<const clang::Expr *> values;
  if (var->getInit())
    values.push_back(var->getInit());
  if (auto stores = shape.localStores.find(var); stores != shape.localStores.end())
    values.insert(values.end(), stores->second.begin(), stores->second.end());
  if (values.empty() || !following.insert(var).second) // `p = q; q = p;` names nothing
    return std::nullopt;
  std::optional<AbstractLocation> target;
  for (const clang::Expr *value : values) {
    std::optional<AbstractLocation> here = value ? ofPointee(value, loop, anyLocal) : std::nullopt;
    if (!here || (target && here->key != target->key)) {
      target.reset();
      break;
    }
    if (!target)
      target = here;
  }
  following.erase(var);
  return target;
}

std::optional<AbstractLocation> LocationResolver::ofArgument(const clang::Expr *arg, int32_t loop,
                                                             bool anyLocal) const {
  if (!arg)
    return std::nullopt;
  const clang::Expr *e = arg->IgnoreImplicit()->IgnoreParens();
  if (const auto *temp = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e))
    e = temp->getSubExpr()->IgnoreImplicit();
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(e); call && isStdRef(call))
    return ofLValue(call->getArg(0), loop, anyLocal);
  if (e->getType()->isPointerType() || e->getType()->isArrayType())
    return ofPointee(e, loop, anyLocal);
  if (arg->isGLValue())
    return ofLValue(e, loop, anyLocal);
  return std::nullopt;
}

std::string LocationResolver::indexAgainst(const clang::Expr *lvalue, int32_t loop) const {
  std::vector<std::string> shapes; // last subscript first
  bool belowZero = false;          // a subscript after the one the shape comes from
  auto add = [&](const clang::Expr *index) {
    std::string shape = indexShape(index, loop);
    bool loopIndexed = llvm::StringRef(shape).starts_with("iv");
    // `b[i][j - 1]` at j == 0 is the last element of row i - 1, another iteration's.
    if (loopIndexed && belowZero)
      shape = "other";
    belowZero |= !loopIndexed && startsBelowZero(index, ctx);
    shapes.push_back(shape);
  };
  for (const clang::Expr *e = lvalue ? strip(lvalue) : nullptr; e;) {
    if (const auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
      add(subscript->getIdx());
      e = subscript->getBase()->IgnoreParenImpCasts();
    } else if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(e);
               op && op->getOperator() == clang::OO_Subscript && op->getNumArgs() == 2) {
      add(op->getArg(1));
      e = op->getArg(0)->IgnoreParenImpCasts();
    } else if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e)) {
      e = member->getBase()->IgnoreParenImpCasts();
    } else {
      break;
    }
  }
  if (shapes.empty())
    return "";
  for (const char *preferred : {"iv", "tid"})
    for (const std::string &shape : shapes)
      if (shape == preferred)
        return shape;
  for (const std::string &shape : shapes)
    if (llvm::StringRef(shape).starts_with("iv"))
      return shape;
  for (const std::string &shape : shapes)
    if (shape == "indirect")
      return shape;
  return shapes.front();
}

namespace {
/// `x * c`, `c * x`, `x + c`, `x - c`, `x * c + d` with constant non-zero `c`: `x`, which the
/// expression maps one-to-one to it. Otherwise `e` itself.
const clang::Expr *unscaled(const clang::Expr *e, clang::ASTContext &ctx) {
  auto constant = [&](const clang::Expr *x, bool nonZero) {
    clang::Expr::EvalResult value;
    return !x->isValueDependent() && x->EvaluateAsInt(value, ctx) && (!nonZero || value.Val.getInt() != 0);
  };
  const auto *bin = llvm::dyn_cast<clang::BinaryOperator>(e->IgnoreParenImpCasts());
  if (!bin)
    return e;
  const clang::Expr *lhs = bin->getLHS()->IgnoreParenImpCasts(), *rhs = bin->getRHS()->IgnoreParenImpCasts();
  const clang::Expr *rest = nullptr;
  if (bin->isAdditiveOp() && constant(rhs, false))
    rest = lhs;
  else if (bin->getOpcode() == clang::BO_Add && constant(lhs, false))
    rest = rhs;
  else if (bin->getOpcode() == clang::BO_Mul && constant(rhs, true))
    rest = lhs;
  else if (bin->getOpcode() == clang::BO_Mul && constant(lhs, true))
    rest = rhs;
  if (!rest || constant(rest, false))
    return e;
  return unscaled(rest, ctx);
}
} // namespace

std::string LocationResolver::rowsOf(const clang::Expr *lvalue) const {
  auto invariant = [&](const clang::Expr *e) -> const clang::VarDecl * {
    const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
    const auto *var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    if (!var || !var->hasLocalStorage() || var->getDeclContext() != function || // declared in no region
        shape.changedInRegions.contains(var) || shape.escapingLocals.contains(var))
      return nullptr;
    return var;
  };
  auto token = [&](const clang::Expr *index) -> std::string {
    index = index->IgnoreParenImpCasts();
    if (clang::Expr::EvalResult value; !index->isValueDependent() && index->EvaluateAsInt(value, ctx))
      return "#" + std::to_string(value.Val.getInt().getExtValue());
    const clang::VarDecl *var = invariant(index);
    int64_t offset = 0;
    if (const auto *bin = llvm::dyn_cast<clang::BinaryOperator>(index); !var && bin && bin->isAdditiveOp()) {
      clang::Expr::EvalResult value;
      if ((var = invariant(bin->getLHS())) && bin->getRHS()->EvaluateAsInt(value, ctx))
        offset = bin->getOpcode() == clang::BO_Sub ? -value.Val.getInt().getExtValue() : value.Val.getInt().getExtValue();
      else if (bin->getOpcode() == clang::BO_Add && (var = invariant(bin->getRHS())) && bin->getLHS()->EvaluateAsInt(value, ctx))
        offset = value.Val.getInt().getExtValue();
      else
        var = nullptr;
    }
    return var ? std::to_string(offset) + ":" + usrOf(var) : "?";
  };
  std::vector<std::string> tokens;
  for (const clang::Expr *e = lvalue ? strip(lvalue) : nullptr; e;) {
    const auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e);
    if (!subscript)
      break;
    tokens.insert(tokens.begin(), token(subscript->getIdx()));
    e = subscript->getBase()->IgnoreParenImpCasts();
  }
  if (std::all_of(tokens.begin(), tokens.end(), [](const std::string &t) { return t == "?"; }))
    return "";
  return llvm::join(tokens, ",");
}

std::string LocationResolver::instanceValueIn(const clang::Expr *e) const {
  struct Refs : clang::RecursiveASTVisitor<Refs> {
    bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
      refs.push_back(ref);
      return true;
    }
    std::vector<const clang::DeclRefExpr *> refs;
  } finder;
  finder.TraverseStmt(const_cast<clang::Expr *>(e));
  std::string found;
  for (const clang::DeclRefExpr *ref : finder.refs) {
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->getType().isConstQualified())
      continue; // `kChunk`, `const unsigned hw = …`: one value for every instance
    std::string shape = indexShape(ref, -1);
    if (!llvm::StringRef(shape).starts_with("param:") && !llvm::StringRef(shape).starts_with("capture:"))
      return "";
    if (!found.empty() && found != shape)
      return "";
    found = shape;
  }
  return found;
}

std::string LocationResolver::ownRangeShape(const clang::VarDecl *counter) const {
  const clang::ForStmt *loop = nullptr;
  auto parents = ctx.getParents(*counter);
  if (const auto *declaration = parents.empty() ? nullptr : parents[0].get<clang::DeclStmt>()) {
    auto outer = ctx.getParents(*declaration);
    loop = outer.empty() ? nullptr : outer[0].get<clang::ForStmt>();
  }
  // An OpenMP loop's counter is the team's business (the region's iteration split), not this.
  if (!loop || !counter->getInit() || shape.ompScopeOf(loop) >= 0 || !loop->getCond() || !loop->getInc())
    return "";
  const auto *cond = llvm::dyn_cast<clang::BinaryOperator>(loop->getCond()->IgnoreParenImpCasts());
  const auto *inc = llvm::dyn_cast<clang::UnaryOperator>(loop->getInc()->IgnoreParenImpCasts());
  if (!cond || cond->getOpcode() != clang::BO_LT || !inc || !inc->isIncrementOp())
    return ""; // `<=` would share the bound with the next slice
  const auto *lhs = llvm::dyn_cast<clang::DeclRefExpr>(cond->getLHS()->IgnoreParenImpCasts());
  if (!lhs || lhs->getDecl() != counter)
    return "";
  std::string from = instanceValueIn(counter->getInit()), to = instanceValueIn(cond->getRHS());
  return from.empty() || to.empty() ? "" : from;
}

std::string LocationResolver::indexShape(const clang::Expr *index, int32_t loop) const {
  index = index->IgnoreParenImpCasts();
  if (isThreadNumber(index)) // one slot per thread
    return "tid";
  const clang::VarDecl *iv = loop >= 0 ? shape.inductionVariable[loop] : nullptr;
  auto isIv = [&](const clang::Expr *x) {
    const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(x->IgnoreParenImpCasts());
    return iv && ref && ref->getDecl() == iv;
  };
  if (isIv(index)) {
    std::string own = ownRangeShape(iv);
    return own.empty() ? "iv" : own;
  }
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(index); ref && shape.linearVariables.contains(ref->getDecl()))
    return "iv";
  // An index the function was given by value, or captured by copy: in a thread, each instance
  // may have its own (`results[id]`, `[i] { out[i] = …; }`).
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(index)) {
    if (const auto *param = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl());
        param && param->getDeclContext() == function && !param->getType()->isReferenceType())
      return "param:" + std::to_string(param->getFunctionScopeIndex());
    // `long id = (long)arg;`: a local copied once from a parameter is that parameter.
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
        var && var->getDeclContext() == function && var->getInit() && !llvm::isa<clang::ParmVarDecl>(var) &&
        !shape.escapingLocals.contains(var))
      if (const auto *from = llvm::dyn_cast<clang::DeclRefExpr>(var->getInit()->IgnoreParenCasts()))
        if (const auto *param = llvm::dyn_cast<clang::ParmVarDecl>(from->getDecl());
            param && param->getDeclContext() == function)
          return "param:" + std::to_string(param->getFunctionScopeIndex());
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
        var && var->getDeclContext() != function && var->hasLocalStorage() && !byReferenceCaptures.contains(var))
      return "capture:" + usrOf(var);
  }
  if (clang::Expr::EvalResult value; !index->isValueDependent() && index->EvaluateAsInt(value, ctx))
    return "const:" + std::to_string(value.Val.getInt().getExtValue());
  if (const auto *bin = llvm::dyn_cast<clang::BinaryOperator>(index)) {
    if (bin->isAdditiveOp()) {
      const clang::Expr *other = isIv(bin->getLHS()) ? bin->getRHS() : isIv(bin->getRHS()) ? bin->getLHS() : nullptr;
      clang::Expr::EvalResult result;
      if (other && other->EvaluateAsInt(result, ctx)) {
        int64_t offset = result.Val.getInt().getExtValue();
        if (bin->getOpcode() == clang::BO_Sub)
          offset = -offset;
        return offset == 0 ? "iv" : "iv" + std::string(offset > 0 ? "+" : "") + std::to_string(offset);
      }
    }
  }
  // A multiple of an instance's own index, or an offset from it, is as much the instance's own
  // (`out[id * kChunk]`, `row[id + 1]`).
  if (const clang::Expr *scaled = unscaled(index, ctx); scaled != index) {
    std::string shape = indexShape(scaled, loop);
    if (llvm::StringRef(shape).starts_with("param:") || llvm::StringRef(shape).starts_with("capture:"))
      return shape;
  }
  struct FindSubscript : clang::RecursiveASTVisitor<FindSubscript> {
    bool found = false;
    bool VisitArraySubscriptExpr(clang::ArraySubscriptExpr *) { return !(found = true); }
    bool VisitCXXOperatorCallExpr(clang::CXXOperatorCallExpr *c) {
      if (c->getOperator() == clang::OO_Subscript)
        found = true;
      return !found;
    }
  } finder;
  finder.TraverseStmt(const_cast<clang::Expr *>(index));
  return finder.found ? "indirect" : "other";
}

} // namespace concur
