#include "FunctionFacts.h"

#include "../Models.h"
#include "Annotations.h"
#include "AstQueries.h"
#include "BodyShape.h"
#include "CfgFixpoint.h"
#include "LocMaker.h"
#include "Locations.h"
#include "MemoryOrders.h"
#include "Names.h"
#include "ThreadLifetimes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>
#include <map>
#include <set>

namespace concur {
namespace {

/// An RAII lock holder (`lock_guard`, `unique_lock`, …): the mutexes it names and whether it
/// holds them now.
struct Guard {
  std::vector<HeldLock> mutexes;
  bool owns = false;
  bool operator==(const Guard &o) const {
    return owns == o.owns && mutexes.size() == o.mutexes.size() &&
           std::equal(mutexes.begin(), mutexes.end(), o.mutexes.begin(),
                      [](const HeldLock &a, const HeldLock &b) { return a.lock == b.lock; });
  }
};

/// The dataflow fact: locks certainly held at a point (must-hold, so a join intersects).
struct LockState {
  bool reached = false;
  std::map<std::string, HeldLock> held;
  std::map<const clang::VarDecl *, Guard> guards;
  std::set<std::string> releasedFromEntry; // released here without being taken here: an unlock()

  bool operator==(const LockState &o) const {
    if (reached != o.reached || held.size() != o.held.size() || guards != o.guards ||
        releasedFromEntry != o.releasedFromEntry)
      return false;
    for (auto a = held.begin(), b = o.held.begin(); a != held.end(); ++a, ++b)
      if (a->first != b->first || a->second.shared != b->second.shared)
        return false;
    return true;
  }
  void acquire(const HeldLock &lock) { held[lock.lock] = lock; }
  /// `heldOnEntry`: the locks the function's callers hold (REQUIRES, RELEASE): releasing one
  /// is an effect the callers see, like an unlock() of a lock this function never took.
  void release(const std::string &lock, const std::set<std::string> &heldOnEntry) {
    if (!held.erase(lock) || heldOnEntry.count(lock))
      releasedFromEntry.insert(lock);
  }
};

LockState meet(const LockState &a, const LockState &b) {
  if (!a.reached)
    return b;
  if (!b.reached)
    return a;
  LockState out;
  out.reached = true;
  for (const auto &[key, lock] : a.held)
    if (auto it = b.held.find(key); it != b.held.end()) {
      HeldLock merged = lock;
      merged.shared = lock.shared || it->second.shared;
      out.held.emplace(key, merged);
    }
  for (const std::string &lock : a.releasedFromEntry)
    if (b.releasedFromEntry.count(lock))
      out.releasedFromEntry.insert(lock);
  for (const auto &[var, guard] : a.guards)
    if (auto it = b.guards.find(var); it != b.guards.end()) {
      Guard merged = guard;
      merged.owns = guard.owns && it->second.owns;
      out.guards.emplace(var, merged);
    }
  return out;
}

const clang::Expr *skipWrappers(const clang::Expr *e) {
  while (e) {
    e = e->IgnoreImplicit()->IgnoreParens();
    if (const auto *temp = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e))
      e = temp->getSubExpr();
    else if (const auto *bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e))
      e = bind->getSubExpr();
    else if (const auto *cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e))
      e = cast->getSubExpr();
    else if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(e);
             construct && construct->getNumArgs() == 1 &&
             (construct->getConstructor()->isCopyOrMoveConstructor() ||
              construct->getConstructor()->isConvertingConstructor(false)) &&
             !llvm::isa<clang::CXXTemporaryObjectExpr>(construct))
      e = construct->getArg(0);
    else
      return e;
  }
  return e;
}

const clang::VarDecl *referencedVar(const clang::Expr *e) {
  if (!e)
    return nullptr;
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(skipWrappers(e)))
    return llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
  return nullptr;
}

/// What a thread or pool is asked to run.
struct Callable {
  const clang::FunctionDecl *function = nullptr;
  const clang::LambdaExpr *lambda = nullptr;
  bool memberPointer = false; // `&C::run`: the next argument is the object
};

Callable resolveCallable(const clang::Expr *e, int depth = 0) {
  Callable out;
  if (!e || depth > 4)
    return out;
  e = skipWrappers(e);
  if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e);
      unary && unary->getOpcode() == clang::UO_AddrOf)
    e = skipWrappers(unary->getSubExpr());
  if (const auto *lambda = llvm::dyn_cast<clang::LambdaExpr>(e)) {
    out.function = lambda->getCallOperator();
    out.lambda = lambda;
    return out;
  }
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    if (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(ref->getDecl());
        method && !method->isStatic()) {
      out.function = method;
      out.memberPointer = true;
      return out;
    }
    if (const auto *fn = llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl())) {
      out.function = fn;
      return out;
    }
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) {
      if (var->getInit())
        if (Callable init = resolveCallable(var->getInit(), depth + 1); init.function)
          return init;
      if (const auto *record = var->getType().getNonReferenceType()->getAsCXXRecordDecl())
        for (const clang::CXXMethodDecl *m : record->methods())
          if (m->getOverloadedOperator() == clang::OO_Call) {
            out.function = m;
            return out;
          }
    }
    return out;
  }
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(e)) {
    // std::bind(f, …), std::ref(functor), std::function wrappers: what they wrap runs;
    // std::move(task) hands over a function object (a std::packaged_task made from f).
    if (call->getNumArgs() >= 1 && call->getDirectCallee()) {
      std::string name = normalizedName(call->getDirectCallee());
      if (name == "std::bind" || name == "std::ref" || name == "std::cref" || name == "std::bind_front" ||
          name == "std::move")
        return resolveCallable(call->getArg(0), depth + 1);
    }
    return out;
  }
  if (llvm::isa<clang::InitListExpr>(e)) // `Pinger{host}`: an aggregate function object
    if (const auto *record = e->getType()->getAsCXXRecordDecl())
      for (const clang::CXXMethodDecl *m : record->methods())
        if (m->getOverloadedOperator() == clang::OO_Call) {
          out.function = m;
          return out;
        }
  if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(e)) {
    if (construct->getNumArgs() >= 1)
      if (Callable inner = resolveCallable(construct->getArg(0), depth + 1); inner.function)
        return inner; // std::function<void()>(lambda)
    if (const auto *record = construct->getType()->getAsCXXRecordDecl())
      for (const clang::CXXMethodDecl *m : record->methods())
        if (m->getOverloadedOperator() == clang::OO_Call) {
          out.function = m;
          return out;
        }
  }
  return out;
}

SpawnKind spawnKindOf(llvm::StringRef api) {
  if (api.starts_with("std::thread") || api.starts_with("std::jthread"))
    return SpawnKind::Thread;
  if (api == "pthread_create")
    return SpawnKind::Pthread;
  if (api == "std::async")
    return SpawnKind::Async;
  if (api.starts_with("concur::") || api.contains("pool") || api.contains("task_group"))
    return SpawnKind::Pool;
  return SpawnKind::Other;
}

/// Whether `s` names `var`.
bool mentions(const clang::Stmt *s, const clang::ValueDecl *var) {
  if (const auto *ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(s); ref && ref->getDecl() == var)
    return true;
  return s && std::any_of(s->child_begin(), s->child_end(), [&](const clang::Stmt *c) { return mentions(c, var); });
}

/// The condition of a while, do or for loop; null for any other statement.
const clang::Expr *loopCondition(const clang::Stmt *s) {
  if (const auto *loop = llvm::dyn_cast_or_null<clang::WhileStmt>(s))
    return loop->getCond();
  if (const auto *loop = llvm::dyn_cast_or_null<clang::DoStmt>(s))
    return loop->getCond();
  if (const auto *loop = llvm::dyn_cast_or_null<clang::ForStmt>(s))
    return loop->getCond();
  return nullptr;
}

bool isLoop(const clang::Stmt *s) { return llvm::isa_and_nonnull<clang::WhileStmt, clang::DoStmt, clang::ForStmt>(s); }

/// The innermost loop around `s` (`while (!done) { … }`) when its condition tests `var`, or null.
const clang::Stmt *loopTesting(const clang::Stmt *s, const clang::ValueDecl *var, clang::ASTContext &ctx) {
  for (const clang::Stmt *child = s;;) {
    clang::DynTypedNodeList parents = ctx.getParents(*child);
    const clang::Stmt *parent = parents.empty() ? nullptr : parents[0].get<clang::Stmt>();
    if (!parent)
      return nullptr;
    if (isLoop(parent))
      return mentions(loopCondition(parent), var) ? parent : nullptr;
    child = parent;
  }
}

/// The loop whose condition `e` is part of (`while (!ready.load(acquire)) {}`), or null.
const clang::Stmt *loopConditionOf(const clang::Expr *e, clang::ASTContext &ctx) {
  const clang::Stmt *child = e;
  while (true) {
    clang::DynTypedNodeList parents = ctx.getParents(*child);
    const clang::Stmt *parent = parents.empty() ? nullptr : parents[0].get<clang::Stmt>();
    if (isLoop(parent))
      return loopCondition(parent) == child ? parent : nullptr;
    if (!llvm::isa_and_nonnull<clang::Expr>(parent))
      return nullptr;
    child = parent;
  }
}

/// The loop that `e`, the condition of an `if` whose branch only leaves it (`if (ready) break;`),
/// ends, or null: the innermost loop around the `if`, reached through blocks alone.
const clang::Stmt *loopLeftWhen(const clang::Expr *e, clang::ASTContext &ctx) {
  const clang::Stmt *child = e;
  const clang::IfStmt *test = nullptr;
  while (!test) {
    clang::DynTypedNodeList parents = ctx.getParents(*child);
    const clang::Stmt *parent = parents.empty() ? nullptr : parents[0].get<clang::Stmt>();
    if (const auto *branch = llvm::dyn_cast_or_null<clang::IfStmt>(parent); branch && branch->getCond() == child)
      test = branch;
    else if (!llvm::isa_and_nonnull<clang::Expr>(parent))
      return nullptr;
    child = parent;
  }
  const clang::Stmt *leave = test->getThen();
  if (const auto *block = llvm::dyn_cast<clang::CompoundStmt>(leave); block && block->size() == 1)
    leave = block->body_front();
  if (!llvm::isa<clang::BreakStmt>(leave) || test->getElse())
    return nullptr;
  for (child = test;;) {
    clang::DynTypedNodeList parents = ctx.getParents(*child);
    const clang::Stmt *parent = parents.empty() ? nullptr : parents[0].get<clang::Stmt>();
    if (isLoop(parent))
      return parent;
    if (!llvm::isa_and_nonnull<clang::CompoundStmt>(parent))
      return nullptr; // a switch would take the break; other statements are not just blocks
    child = parent;
  }
}

class Extractor {
public:
  Extractor(const clang::FunctionDecl *fn, const clang::LambdaExpr *lambda, clang::ASTContext &ctx,
            const ModelDatabase &models, LocMaker &locs, UnitFacts &descriptors)
      : fn(fn), ctx(ctx), models(models), locs(locs), descriptors(descriptors),
        shape(analyzeBodyShape(fn->getBody(), ctx, locs)),
        resolver(ctx, models, shape, fn, byReferenceCaptures),
        guardSites(fn, ctx, models, locs, descriptors.mutexes),
        heldOnEntry(locksHeldOnEntry(fn, ctx, models)) {
    for (const HeldLock &lock : heldOnEntry)
      heldOnEntryKeys.insert(lock.lock);
    if (lambda)
      for (const clang::LambdaCapture &capture : lambda->captures()) {
        if (capture.capturesVariable() && capture.getCaptureKind() == clang::LCK_ByRef)
          byReferenceCaptures.insert(capture.getCapturedVar());
        capturesThis |= capture.capturesThis();
      }
  }

  /// The net lock effect of the function: what is held, or released, at its exit.
  LockEffects lockEffects() {
    LockEffects effects;
    std::unique_ptr<clang::CFG> cfg = buildCFG();
    if (!cfg)
      return effects;
    std::vector<LockState> in = fixpoint(*cfg);
    const LockState &exit = in[cfg->getExit().getBlockID()];
    if (!exit.reached)
      return effects;
    // Only locks the caller can name: its arguments', its object's, or globals.
    auto visible = [](const std::string &key) { return key.starts_with("p:") || key.starts_with("g:"); };
    auto aliased = [&](std::string key) {
      for (const auto &[field, param] : memberAliases())
        if (key.starts_with(field))
          return param + key.substr(field.size());
      return key;
    };
    for (const auto &[key, lock] : exit.held)
      if (visible(key) && !heldOnEntryKeys.count(key)) {
        HeldLock mapped = lock;
        mapped.lock = aliased(key);
        effects.acquires.push_back(mapped);
      }
    for (const std::string &key : exit.releasedFromEntry)
      if (visible(key))
        effects.releases.push_back(aliased(key));
    return effects;
  }

  Function run() {
    describeFunction();
    if (std::unique_ptr<clang::CFG> cfg = buildCFG())
      walk(*cfg);
    applyFences();
    out.guardable = guardSites.takeStatements();
    if (!out.guardable.empty())
      out.nameableMutexes = guardSites.nameableMutexes();
    return std::move(out);
  }

private:
  std::unique_ptr<clang::CFG> buildCFG() {
    clang::CFG::BuildOptions options;
    options.AddImplicitDtors = true;
    options.AddTemporaryDtors = true;
    options.AddInitializers = true;
    options.setAllAlwaysAdd();
    return clang::CFG::buildCFG(fn, fn->getBody(), &ctx, options);
  }

  /// A constructor's `mu_(mu)`: in its frame, what field `mu_` points to is what parameter
  /// `mu` points to (`p:this.mu_*` is `p:0`), so a guard's lock is its argument's.
  std::vector<std::pair<std::string, std::string>> memberAliases() const {
    std::vector<std::pair<std::string, std::string>> aliases;
    const auto *ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(fn);
    if (!ctor)
      return aliases;
    for (const clang::CXXCtorInitializer *init : ctor->inits()) {
      const clang::FieldDecl *field = init->getMember();
      if (!field || !init->getInit())
        continue;
      const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(init->getInit()->IgnoreParenImpCasts());
      const auto *param = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
      if (!param)
        continue;
      std::string index = "p:" + std::to_string(param->getFunctionScopeIndex());
      if (field->getType()->isPointerType())
        aliases.emplace_back("p:this." + field->getNameAsString() + "*", index);
      else if (field->getType()->isReferenceType())
        aliases.emplace_back("p:this." + field->getNameAsString(), index);
    }
    return aliases;
  }
  void describeFunction() {
    out.usr = usrOf(fn);
    out.name = displayName(fn);
    out.loc = locs.make(fn->getLocation());
    out.body = locs.makeRange(fn->getBody()->getBeginLoc(), fn->getBody()->getEndLoc());
    out.isMain = fn->isMain();
    out.isCoroutine = llvm::isa<clang::CoroutineBodyStmt>(fn->getBody());
    out.isConstructorOrDestructor = llvm::isa<clang::CXXConstructorDecl, clang::CXXDestructorDecl>(fn);
    if (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(fn)) {
      out.parentClass = usrOf(method->getParent());
      out.isVirtual = method->isVirtual();
      out.isLambda = method->getParent()->isLambda();
      for (const clang::CXXMethodDecl *base : method->overridden_methods())
        out.overrides.push_back(usrOf(base));
    }
    out.statements = shape.statements;
    out.arithmetic = shape.arithmetic;
    out.maxLoopDepth = shape.maxLoopDepth;
    out.loops = shape.loops;
    out.ompRegions = shape.ompRegions;
    out.ompTasks = shape.tasks;
    for (size_t t = 0; t < out.ompTasks.size(); ++t)
      out.ompTasks[t].place = ompPlaceOf(shape.taskDirectives[t], nullptr, nullptr, nullptr);
  }

  /// Where `s` is in an OpenMP parallel region and its explicit tasks, and the locks its
  /// constructs give it. `loop` (when given) becomes the loop its iterations tell the threads or
  /// tasks apart by: the worksharing loop, or the loop that makes one task per iteration,
  /// whichever is innermost; -1 when there is none.
  OmpPlace ompPlaceOf(const clang::Stmt *s, std::vector<HeldLock> *locks, bool *atomic, int32_t *loop) const {
    OmpPlace place;
    int32_t scope = shape.ompScopeOf(s);
    place.indexLoop = loopOf(s);
    if (loop)
      *loop = -1;
    if (scope < 0)
      return place;
    place.region = shape.ompScopes[scope].region;
    if (auto it = shape.ompPhase.find(s); it != shape.ompPhase.end())
      place.phase = it->second;
    int32_t indexLoop = -1;
    auto deeper = [&](int32_t l) {
      if (l >= 0 && (indexLoop < 0 || shape.loops[l].depth > shape.loops[indexLoop].depth))
        indexLoop = l;
    };
    for (int32_t at = scope; at >= 0; at = shape.ompScopes[at].parent) {
      const OmpScope &omp = shape.ompScopes[at];
      if (omp.task >= 0 && place.task < 0) {
        place.task = omp.task;
        deeper(shape.tasks[omp.task].taskloop ? omp.loop : shape.tasks[omp.task].loop);
      }
      if (omp.kind == OmpScope::Single && place.single < 0)
        place.single = omp.thread >= 0 ? shape.threadBlocks.at({omp.region, omp.thread}) : at;
      if (omp.loop >= 0 && !place.inWorksharingLoop && omp.task < 0) {
        place.inWorksharingLoop = true;
        bool league = place.region >= 0 && shape.ompRegions[place.region].league;
        place.iterations = league && !omp.distributed ? -1 : omp.iterations;
        deeper(omp.loop);
      }
      if (omp.kind == OmpScope::Critical && locks)
        locks->push_back(HeldLock{"omp-critical:" + omp.name, "critical" + (omp.name.empty() ? "" : "(" + omp.name + ")"), false});
      if (omp.kind == OmpScope::Ordered && locks)
        locks->push_back(HeldLock{"omp-ordered", "ordered", false});
      if (omp.kind == OmpScope::Atomic && atomic)
        *atomic = true;
      // Tasks with mutexinoutset on one object exclude each other, as a lock would.
      if (omp.task >= 0 && locks)
        for (const OmpDepend &depend : shape.tasks[omp.task].depends)
          if (depend.type == DependType::MutexInOutSet)
            locks->push_back(HeldLock{"omp-mutexinoutset:" + depend.object, "mutexinoutset", false});
    }
    if (indexLoop >= 0)
      place.indexLoop = indexLoop;
    if (loop)
      *loop = indexLoop;
    return place;
  }

  /// The variable an access names without going through a pointer (`x`, `s.f`, `arr[i]`).
  static const clang::ValueDecl *directVariable(const clang::Expr *e) {
    while (e) {
      e = e->IgnoreParenImpCasts();
      if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
        return ref->getDecl();
      if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e)) {
        if (member->isArrow())
          return nullptr;
        e = member->getBase();
      } else if (const auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
        const clang::Expr *base = subscript->getBase()->IgnoreParenImpCasts();
        if (!base->getType()->isArrayType() && !llvm::isa<clang::ArraySubscriptExpr>(base))
          return nullptr;
        e = base;
      } else {
        return nullptr;
      }
    }
    return nullptr;
  }

  /// Private in the region: a data-sharing clause, declared inside, or threadprivate.
  bool privateInRegion(const clang::Expr *lvalue, const clang::Stmt *anchor) const {
    const clang::ValueDecl *var = directVariable(lvalue);
    if (!var)
      return false;
    if (var->hasAttr<clang::OMPThreadPrivateDeclAttr>())
      return true;
    for (int32_t at = shape.ompScopeOf(anchor); at >= 0; at = shape.ompScopes[at].parent)
      if (shape.ompScopes[at].privates.contains(var))
        return true;
    return false;
  }

  /// `&x`, `x` bound to a reference, an array `x` decaying to a pointer, where `x` is private in
  /// the OpenMP construct around `anchor`.
  bool argumentIsPrivate(const clang::Expr *arg, const clang::Stmt *anchor) const {
    if (shape.ompScopeOf(anchor) < 0)
      return false;
    const clang::Expr *e = arg->IgnoreParenImpCasts();
    if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e); unary && unary->getOpcode() == clang::UO_AddrOf)
      e = unary->getSubExpr();
    return privateInRegion(e, anchor);
  }

  /// Forward must-hold dataflow to a fixpoint, then one recording pass over reached blocks.
  void walk(const clang::CFG &cfg) {
    std::vector<LockState> in = fixpoint(cfg);
    recording = true;
    for (const clang::CFGBlock *block : blockOrder(cfg)) {
      LockState state = in[block->getBlockID()];
      if (!state.reached)
        continue;
      for (const clang::CFGElement &element : *block)
        transfer(state, element);
    }
  }

  /// Blocks in reverse creation order (entry first, roughly forward). LLVM's post-order
  /// traversal cannot be used: pruned CFG edges are null successors.
  static std::vector<const clang::CFGBlock *> blockOrder(const clang::CFG &cfg) {
    return std::vector<const clang::CFGBlock *>(cfg.rbegin(), cfg.rend());
  }

  /// The lock state at the entry of every block.
  std::vector<LockState> fixpoint(const clang::CFG &cfg) {
    LockState entry;
    entry.reached = true;
    for (const HeldLock &lock : heldOnEntry) // REQUIRES(mu): every caller holds it
      entry.acquire(lock);
    return forwardFixpoint(
        cfg, blockOrder(cfg), std::move(entry), 32, meet,
        [this](const clang::CFGBlock &pred, const LockState &state, const clang::CFGBlock *succ) {
          return edgeState(pred, state, succ);
        },
        [this](LockState &state, const clang::CFGElement &element) { transfer(state, element); });
  }

  /// The call a branch condition tests, and whether its value is truthy on the true edge:
  /// `f()`, `!f()`, `f() == 0`, `pthread_mutex_trylock(&m) != EBUSY` (read as "is 0").
  std::optional<std::pair<const clang::CallExpr *, bool>> testedCall(const clang::Stmt *cond) const {
    bool truthy = true;
    const auto *expr = llvm::dyn_cast_or_null<clang::Expr>(cond);
    while (expr) {
      expr = expr->IgnoreParenImpCasts();
      if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(expr);
          unary && unary->getOpcode() == clang::UO_LNot) {
        truthy = !truthy;
        expr = unary->getSubExpr();
        continue;
      }
      if (const auto *bin = llvm::dyn_cast<clang::BinaryOperator>(expr);
          bin && bin->isEqualityOp() && bin->getRHS()->isIntegerConstantExpr(ctx)) {
        clang::Expr::EvalResult value;
        bool zero = bin->getRHS()->EvaluateAsInt(value, ctx) && value.Val.getInt() == 0;
        if ((bin->getOpcode() == clang::BO_EQ) == zero)
          truthy = !truthy;
        expr = bin->getLHS();
        continue;
      }
      break;
    }
    const auto *call = llvm::dyn_cast_or_null<clang::CallExpr>(expr);
    if (!call)
      return std::nullopt;
    return std::make_pair(call, truthy);
  }

  /// The state flowing along pred -> succ: a successful try-lock holds its lock on the edge
  /// where it succeeded.
  LockState edgeState(const clang::CFGBlock &pred, const LockState &state,
                      const clang::CFGBlock *succ) {
    const clang::Stmt *cond = pred.getTerminatorCondition();
    if (!cond || pred.succ_size() != 2 || !state.reached)
      return state;
    auto tested = testedCall(cond);
    const clang::FunctionDecl *callee = tested ? tested->first->getDirectCallee() : nullptr;
    if (!callee)
      return state;
    const clang::CallExpr *call = tested->first;
    bool truthyHere = (*pred.succ_begin() == succ) == tested->second;
    LockState refined = state;
    if (std::optional<DeclaredTryLock> declared = declaredTryLock(callee, ctx, models)) {
      if (truthyHere == declared->successValue)
        for (const HeldLock &lock : mapDeclaredLocks(refined, call, declared->acquires))
          refined.acquire(lock);
      return refined;
    }
    const Model *model = models.lookup(normalizedName(callee));
    if (!model || (model->lock != LockAction::TryAcquire && model->lock != LockAction::TryAcquireShared))
      return state;
    // A C++ try_lock (a member call) returns true when it took the lock; C try-locks return 0.
    bool successTruthy = llvm::isa<clang::CXXMemberCallExpr>(call);
    if (truthyHere != successTruthy)
      return state;
    for (HeldLock lock : lockObjects(refined, call, model->lockObject)) {
      lock.shared = model->lock == LockAction::TryAcquireShared;
      refined.acquire(lock);
      setGuardOwnership(refined, call, model->lockObject, true);
    }
    return refined;
  }

  int32_t loopOf(const clang::Stmt *s) const { return shape.loopOf(s); }

  // ---- lock objects ------------------------------------------------------------------------

  const clang::Expr *objectExpr(const clang::CallExpr *call) const {
    if (const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call))
      return member->getImplicitObjectArgument();
    if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(call);
        op && llvm::isa_and_nonnull<clang::CXXMethodDecl>(op->getDirectCallee()) && op->getNumArgs())
      return op->getArg(0);
    return nullptr;
  }

  std::vector<const clang::Expr *> lockArgs(const clang::CallExpr *call, ArgRef which) const {
    std::vector<const clang::Expr *> exprs;
    switch (which.kind) {
    case ArgRef::This:
      if (const clang::Expr *object = objectExpr(call))
        exprs.push_back(object);
      break;
    case ArgRef::Index:
      if (unsigned(which.index) < call->getNumArgs())
        exprs.push_back(call->getArg(which.index));
      break;
    case ArgRef::All:
      for (const clang::Expr *arg : call->arguments())
        exprs.push_back(arg);
      break;
    default:
      break;
    }
    return exprs;
  }

  std::optional<HeldLock> lockFor(const clang::Expr *e, int32_t loop) const {
    std::optional<AbstractLocation> where =
        e->getType()->isPointerType() ? resolver.ofPointee(e, loop, true) : resolver.ofLValue(e, loop, true);
    if (!where)
      return std::nullopt;
    return HeldLock{where->key, where->display, false};
  }

  std::vector<HeldLock> lockObjects(const LockState &state, const clang::CallExpr *call, ArgRef which) const {
    std::vector<HeldLock> locks;
    for (const clang::Expr *e : lockArgs(call, which)) {
      if (const clang::VarDecl *var = referencedVar(e)) {
        if (auto guard = state.guards.find(var); guard != state.guards.end()) {
          locks.insert(locks.end(), guard->second.mutexes.begin(), guard->second.mutexes.end());
          continue;
        }
      }
      if (std::optional<HeldLock> lock = lockFor(e, loopOf(call)))
        locks.push_back(*lock);
    }
    return locks;
  }

  void setGuardOwnership(LockState &state, const clang::CallExpr *call, ArgRef which, bool owns) {
    for (const clang::Expr *e : lockArgs(call, which))
      if (const clang::VarDecl *var = referencedVar(e))
        if (auto guard = state.guards.find(var); guard != state.guards.end())
          guard->second.owns = owns;
  }

  // ---- transfer ----------------------------------------------------------------------------

  void transfer(LockState &state, const clang::CFGElement &element) {
    if (auto temporary = element.getAs<clang::CFGTemporaryDtor>(); temporary && recording)
      recordDiscardedAsyncFuture(state, temporary->getBindTemporaryExpr());
    if (auto dtor = element.getAs<clang::CFGAutomaticObjDtor>()) {
      if (recording)
        recordJoiningDestructor(state, *dtor);
      auto guard = state.guards.find(dtor->getVarDecl());
      if (guard != state.guards.end()) {
        if (guard->second.owns)
          for (const HeldLock &lock : guard->second.mutexes)
            state.release(lock.lock, heldOnEntryKeys);
        state.guards.erase(guard);
      }
      return;
    }
    auto stmt = element.getAs<clang::CFGStmt>();
    if (!stmt)
      return;
    const clang::Stmt *s = stmt->getStmt();
    if (const auto *decl = llvm::dyn_cast<clang::DeclStmt>(s)) {
      for (const clang::Decl *d : decl->decls())
        if (const auto *var = llvm::dyn_cast<clang::VarDecl>(d)) {
          declareVariable(state, var, decl);
          if (recording)
            recordRangeElementRead(state, var, decl);
        }
      return;
    }
    if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s))
      return handleCall(state, call);
    if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(s))
      return handleConstruct(state, construct);
    if (!recording)
      return;
    if (const auto *atomic = llvm::dyn_cast<clang::AtomicExpr>(s))
      return recordAtomicHandOff(atomic);
    if (const auto *atomic = llvm::dyn_cast<clang::OMPAtomicDirective>(s))
      return recordOmpAtomicHandOff(atomic);
    if (const auto *directive = llvm::dyn_cast<clang::OMPExecutableDirective>(s))
      return recordReductionCombines(state, directive);
    if (const auto *assign = llvm::dyn_cast<clang::BinaryOperator>(s)) {
      if (assign->isAssignmentOp()) {
        recordAccess(state, assign->getLHS(), AccessKind::Write, assign);
        if (const auto *rhs = llvm::dyn_cast<clang::CallExpr>(assign->getRHS()->IgnoreParenImpCasts())) {
          markNonBlocking(rhs, referencedVar(assign->getLHS()));
          markDescriptor(rhs, descriptorDecl(assign->getLHS()));
        }
      }
      return;
    }
    if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(s)) {
      if (unary->isIncrementDecrementOp())
        recordAccess(state, unary->getSubExpr(), AccessKind::Write, unary);
      return;
    }
    if (const auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(s)) {
      if (cast->getCastKind() == clang::CK_LValueToRValue)
        recordAccess(state, cast->getSubExpr(), AccessKind::Read, cast);
      return;
    }
    if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(s)) {
      if (const auto *target = llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()))
        if (!shape.directCallees.contains(ref))
          recordReference(state, target, ref);
      return;
    }
    if (const auto *lambda = llvm::dyn_cast<clang::LambdaExpr>(s)) {
      recordReference(state, lambda->getCallOperator(), lambda);
      return;
    }
    if (const auto *list = llvm::dyn_cast<clang::InitListExpr>(s)) {
      referenceFunctionObject(state, list);
      return;
    }
    if (llvm::isa<clang::CoawaitExpr, clang::CoyieldExpr>(s)) {
      Call suspend = callAt(state, s, s->getBeginLoc());
      suspend.calleeName = "co_await";
      out.calls.push_back(std::move(suspend));
    }
  }

  /// A call fact placed at `at`, for statement `site` (may be null): its loop, its error path,
  /// and the locks held there. Every kind of call record starts from this.
  Call callAt(const LockState &state, const clang::Stmt *site, clang::SourceLocation at) const {
    Call fact;
    fact.loc = locs.make(at);
    fact.loop = site ? loopOf(site) : -1;
    fact.loopDepth = shape.depthOf(fact.loop);
    fact.inErrorPath = site && shape.onErrorPath.contains(site);
    fact.held = heldList(state);
    fact.afterUnlock = !state.releasedFromEntry.empty();
    return fact;
  }

  /// The spawning loop's counter, or a local of that loop's body computed from it
  /// (`size_t b = w * per; size_t e = std::min(n, b + per);`): each instance's own value.
  bool derivedFromCounter(const clang::VarDecl *var, int32_t loop, int depth) const {
    const clang::VarDecl *counter = shape.inductionVariable[loop];
    if (var == counter)
      return true;
    if (depth == 0 || !var->getInit() || !var->hasLocalStorage() || !declaredInBodyOf(var, loop))
      return false;
    return readsDerived(var->getInit(), loop, depth - 1);
  }
  /// Whether `var` is declared directly in the body of `loop`: a new one each iteration.
  bool declaredInBodyOf(const clang::VarDecl *var, int32_t loop) const {
    auto parents = ctx.getParents(*var);
    const auto *declaration = parents.empty() ? nullptr : parents[0].get<clang::DeclStmt>();
    return loop >= 0 && declaration && shape.loopOf(declaration) == loop;
  }
  bool readsDerived(const clang::Stmt *s, int32_t loop, int depth) const {
    if (!s)
      return false;
    if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(s))
      if (const auto *v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); v && derivedFromCounter(v, loop, depth))
        return true;
    for (const clang::Stmt *child : s->children())
      if (readsDerived(child, loop, depth))
        return true;
    return false;
  }

  /// The class of a standard container's elements (`std::vector<std::jthread>`), or null.
  static const clang::CXXRecordDecl *containerElement(const clang::CXXRecordDecl *record) {
    const auto *spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(record);
    if (!spec || !spec->isInStdNamespace() || spec->getTemplateArgs().asArray().empty() ||
        spec->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type ||
        !isThreadType(spec->getTemplateArgs()[0].getAsType()))
      return nullptr;
    return spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  }

  /// The model of `record`'s destructor when it joins (std::jthread's), else null.
  const Model *joiningDestructorModel(const clang::CXXRecordDecl *record) const {
    if (!record || !record->getDestructor())
      return nullptr;
    const Model *model = models.lookup(normalizedName(record->getDestructor()));
    return model && model->join.kind != ArgRef::None ? model : nullptr;
  }

  /// A join no call of `join` shows: a destructor, a container's clear(), a discarded future.
  void recordImplicitJoin(const LockState &state, const clang::Stmt *site, clang::SourceLocation at,
                          std::string callee, std::string name, const CallEffect &effect) {
    Call join = callAt(state, site, at);
    join.callee = std::move(callee);
    join.calleeName = std::move(name);
    join.modelled = true;
    join.effect = effect;
    out.joins.push_back(Join{join.calleeName, join.loc, join.loop});
    out.calls.push_back(std::move(join));
  }

  /// `std::jthread` joins when its scope ends: that is a join, at the end of the scope.
  void recordJoiningDestructor(const LockState &state, const clang::CFGAutomaticObjDtor &dtor) {
    const auto *record = dtor.getVarDecl()->getType()->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
    // A container of joining threads (`std::vector<std::jthread>`) joins each as it is destroyed.
    if (const clang::CXXRecordDecl *element = containerElement(record))
      record = element;
    const Model *model = joiningDestructorModel(record);
    if (!model)
      return;
    const clang::Stmt *trigger = dtor.getTriggerStmt();
    recordImplicitJoin(state, trigger, trigger ? trigger->getEndLoc() : dtor.getVarDecl()->getEndLoc(),
                       usrOf(record->getDestructor()), normalizedName(record->getDestructor()), model->effect);
  }

  /// `std::async(std::launch::async, f);` as a statement: the future it returns is destroyed at
  /// the end of the statement, and that destructor waits for the task, as a join would.
  void recordDiscardedAsyncFuture(const LockState &state, const clang::CXXBindTemporaryExpr *temporary) {
    const auto *call = llvm::dyn_cast<clang::CallExpr>(temporary->getSubExpr()->IgnoreParenImpCasts());
    const clang::FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    if (!callee || normalizedName(callee) != "std::async" || !isStdRecord(temporary->getType(), "future"))
      return;
    // Discarded: used by nothing but its statement or a cast to void. A future moved into a
    // container or a variable leaves an empty temporary, whose destructor waits for nothing.
    const auto *use = meaningfulParent(ctx, temporary).get<clang::Expr>();
    const auto *cast = llvm::dyn_cast_or_null<clang::ExplicitCastExpr>(use);
    if (use && !(cast && cast->getCastKind() == clang::CK_ToVoid))
      return;
    CallEffect waits;
    waits.sync = SyncKind::Join;
    recordImplicitJoin(state, temporary, temporary->getEndLoc(), usrOf(callee), "std::future::~future", waits);
  }

  void declareVariable(LockState &state, const clang::VarDecl *var, const clang::Stmt *anchor) {
    const clang::Expr *init = var->getInit();
    if (!init)
      return;
    if (auto it = spawnOf.find(skipWrappers(init)); it != spawnOf.end())
      threadVariable[var] = it->second; // `std::thread t(f)`: t.detach() detaches this spawn
    noteChannel(var, skipWrappers(init));
    if (const auto *call = llvm::dyn_cast<clang::CallExpr>(init->IgnoreParenImpCasts())) {
      markNonBlocking(call, var);
      markDescriptor(call, var);
    }
    const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(init->IgnoreImplicit());
    if (!construct)
      return;
    const Model *model = models.lookup(normalizedName(construct->getConstructor()));
    if (!model && declareProjectGuard(state, var, construct, anchor))
      return;
    if (model && model->poolSizeArg >= 0 && unsigned(model->poolSizeArg) < construct->getNumArgs()) {
      clang::Expr::EvalResult size;
      if (construct->getArg(model->poolSizeArg)->EvaluateAsInt(size, ctx))
        poolSizes[var] = size.Val.getInt().getExtValue();
    }
    if (!model || model->guard == GuardKind::None)
      return;
    Guard guard;
    guard.owns = true;
    bool adopted = false;
    for (const clang::Expr *arg : construct->arguments()) {
      std::string type;
      if (const auto *record = arg->getType()->getAsCXXRecordDecl())
        type = normalizedName(record);
      if (type == "std::defer_lock_t" || type == "std::try_to_lock_t") {
        guard.owns = false; // try_to_lock: owns_lock() decides, on the branch
        continue;
      }
      if (type == "std::adopt_lock_t") {
        adopted = true;
        continue;
      }
      if (const clang::VarDecl *from = referencedVar(arg)) {
        if (auto moved = state.guards.find(from); moved != state.guards.end()) {
          guard = moved->second; // a lock moved between unique_locks: no new acquisition
          adopted = true;
          moved->second.owns = false;
          moved->second.mutexes.clear();
          continue;
        }
      }
      if (std::optional<HeldLock> lock = lockFor(arg, loopOf(anchor))) {
        lock->shared = model->guard == GuardKind::Shared;
        guard.mutexes.push_back(*lock);
      }
    }
    if (guard.owns && recording && !adopted)
      recordAcquisition(state, construct, var, anchor, guard.mutexes);
    if (guard.owns)
      for (const HeldLock &lock : guard.mutexes)
        state.acquire(lock);
    state.guards[var] = std::move(guard);
  }

  void handleConstruct(LockState &state, const clang::CXXConstructExpr *construct) {
    const clang::CXXConstructorDecl *ctor = construct->getConstructor();
    if (recording && llvm::isa<clang::CXXTemporaryObjectExpr>(construct))
      referenceFunctionObject(state, construct);
    const Model *model = models.lookup(normalizedName(ctor));
    if (recording && !model)
      recordConstReferenceReads(state, ctor, {construct->getArgs(), construct->getNumArgs()}, 0, construct);
    if (!model || !recording)
      return;
    if (model->threadEntry.present()) {
      std::vector<const clang::Expr *> args(construct->arg_begin(), construct->arg_end());
      size_t before = out.spawns.size();
      recordSpawn(state, normalizedName(ctor), *model, args, construct);
      if (out.spawns.size() > before)
        spawnOf[construct] = before;
      return;
    }
    if (model->guard != GuardKind::None || !model->effect.any())
      return; // guards are handled where they are declared
    Call fact = callAt(state, construct, construct->getBeginLoc());
    fact.callee = usrOf(ctor);
    fact.calleeName = normalizedName(ctor);
    fact.modelled = true;
    fact.effect = model->effect;
    out.calls.push_back(std::move(fact));
  }

  /// `std::for_each(b, e, LineWriter{out})`: a function object made in place will be called.
  void referenceFunctionObject(const LockState &state, const clang::Expr *e) {
    const auto *record = e->getType()->getAsCXXRecordDecl();
    if (!record || record->isLambda() || !record->hasDefinition())
      return;
    for (const clang::CXXMethodDecl *m : record->methods())
      if (m->getOverloadedOperator() == clang::OO_Call && !ctx.getSourceManager().isInSystemHeader(m->getLocation()))
        recordReference(state, m, e);
  }

  /// What an ACQUIRE / RELEASE annotation of `callee` declares, read once per TU; or null.
  const LockEffects *declaredEffects(const clang::FunctionDecl *callee) {
    callee = callee->getMostRecentDecl(); // attributes added by a redeclaration are on it
    auto [it, added] = descriptors.declaredLockEffects.try_emplace(callee);
    if (added)
      it->second = declaredLockEffects(callee, ctx, models);
    return it->second ? &*it->second : nullptr;
  }

  /// The lock effects of a callee: what its annotations declare, or else what the body of a
  /// project function in this TU does; null when neither says anything.
  const LockEffects *calleeLockEffects(const clang::FunctionDecl *callee) {
    if (const LockEffects *declared = declaredEffects(callee))
      return declared;
    const clang::FunctionDecl *definition = nullptr;
    if (!callee->hasBody(definition) || !definition ||
        ctx.getSourceManager().isInSystemHeader(definition->getLocation()) || definition == fn)
      return nullptr;
    const LockEffects &effects = lockEffectsOf(definition, ctx, models, locs, descriptors);
    return effects.acquires.empty() && effects.releases.empty() ? nullptr : &effects;
  }

  /// A lock key of the callee's frame in this frame: `p:this…` is the call's object, `p:N…`
  /// its argument N, `g:…` the same everywhere.
  std::optional<std::string> mapCalleeKey(const std::string &key, const clang::Expr *object,
                                          llvm::ArrayRef<const clang::Expr *> args, int32_t loop) const {
    if (key.starts_with("g:"))
      return key;
    if (key.starts_with("p:this")) {
      if (!object)
        return std::nullopt;
      std::optional<AbstractLocation> where = object->getType()->isPointerType()
                                                  ? resolver.ofPointee(object, loop, true)
                                                  : resolver.ofLValue(object, loop, true);
      return where ? std::optional<std::string>(where->key + key.substr(6)) : std::nullopt;
    }
    size_t end = 2;
    while (end < key.size() && std::isdigit(static_cast<unsigned char>(key[end])))
      ++end;
    unsigned index = 0;
    if (end == 2 || llvm::StringRef(key).substr(2, end - 2).getAsInteger(10, index) || index >= args.size())
      return std::nullopt;
    std::optional<AbstractLocation> where = resolver.ofArgument(args[index], loop, true);
    return where ? std::optional<std::string>(where->key + key.substr(end)) : std::nullopt;
  }

  /// Locks named in the callee's frame, named in this one. `p:this` is the object the call is
  /// made on, which may be a guard (`lock.Unlock()` on a scoped capability): then its mutexes.
  std::vector<HeldLock> mapDeclaredLocks(const LockState &state, const clang::CallExpr *call,
                                         const std::vector<HeldLock> &locks) {
    std::vector<HeldLock> mapped;
    const clang::FunctionDecl *callee = call->getDirectCallee();
    std::vector<const clang::Expr *> args;
    unsigned first = llvm::isa<clang::CXXOperatorCallExpr>(call) && llvm::isa<clang::CXXMethodDecl>(callee) ? 1 : 0;
    for (unsigned i = first; i < call->getNumArgs(); ++i)
      args.push_back(call->getArg(i));
    for (const HeldLock &lock : locks) {
      if (lock.lock == "p:this") {
        for (HeldLock object : lockObjects(state, call, ArgRef{ArgRef::This}))
          mapped.push_back(HeldLock{object.lock, object.display, lock.shared});
        continue;
      }
      if (std::optional<std::string> key = mapCalleeKey(lock.lock, objectExpr(call), args, loopOf(call)))
        mapped.push_back(HeldLock{*key, lockDisplay(*key, lock.display), lock.shared});
    }
    return mapped;
  }

  std::vector<HeldLock> applyCalleeLockEffects(LockState &state, const clang::CallExpr *call,
                                               const clang::FunctionDecl *callee) {
    std::vector<HeldLock> taken;
    const LockEffects *effects = calleeLockEffects(callee);
    if (!effects)
      return taken;
    std::vector<HeldLock> released;
    for (const std::string &key : effects->releases)
      released.push_back(HeldLock{key, "", false});
    for (const HeldLock &lock : mapDeclaredLocks(state, call, released))
      state.release(lock.lock, heldOnEntryKeys);
    for (const HeldLock &lock : mapDeclaredLocks(state, call, effects->acquires)) {
      state.acquire(lock);
      taken.push_back(lock);
    }
    // A scoped capability's Unlock() / Lock() on the guard object ends or resumes its hold.
    bool onThis = [&] {
      for (const HeldLock &lock : effects->acquires)
        if (lock.lock == "p:this")
          return true;
      return false;
    }();
    if (onThis || std::find(effects->releases.begin(), effects->releases.end(), "p:this") != effects->releases.end())
      setGuardOwnership(state, call, ArgRef{ArgRef::This}, onThis);
    return taken;
  }

  /// Names a wrapped lock for messages by the wrapper's expression when there is one.
  static std::string lockDisplay(const std::string &key, const std::string &fallback) {
    size_t dot = key.find_last_of(".:");
    return dot == std::string::npos || key.starts_with("g:") ? fallback : key.substr(dot + 1);
  }

  /// A guard's construction blocks like lock() does, and takes its mutexes in this order.
  void recordAcquisition(const LockState &state, const clang::CXXConstructExpr *construct,
                         const clang::VarDecl *var, const clang::Stmt *anchor,
                         const std::vector<HeldLock> &mutexes) {
    Call acquire = callAt(state, anchor, var->getLocation());
    acquire.callee = usrOf(construct->getConstructor());
    acquire.calleeName = normalizedName(construct->getConstructor());
    acquire.modelled = true;
    acquire.effect.sync = SyncKind::Lock;
    acquire.acquires = mutexes;
    out.calls.push_back(std::move(acquire));
  }

  /// `MutexLock l(&mu_)`: a project class whose constructor takes a lock is a guard.
  bool declareProjectGuard(LockState &state, const clang::VarDecl *var, const clang::CXXConstructExpr *construct,
                           const clang::Stmt *anchor) {
    const LockEffects *effects = calleeLockEffects(construct->getConstructor());
    if (!effects || effects->acquires.empty())
      return false;
    std::vector<const clang::Expr *> args(construct->arg_begin(), construct->arg_end());
    Guard guard;
    guard.owns = true;
    for (const HeldLock &lock : effects->acquires)
      if (std::optional<std::string> mapped = mapCalleeKey(lock.lock, nullptr, args, loopOf(anchor))) {
        std::string display = args.empty() ? lock.display
                                            : sourceText(args.front()->getSourceRange(), ctx.getSourceManager(),
                                                         ctx.getLangOpts());
        if (!display.empty() && display.front() == '&')
          display.erase(0, 1);
        guard.mutexes.push_back(HeldLock{*mapped, display, lock.shared});
      }
    if (guard.mutexes.empty())
      return false;
    if (recording)
      recordAcquisition(state, construct, var, anchor, guard.mutexes);
    for (const HeldLock &lock : guard.mutexes)
      state.acquire(lock);
    state.guards[var] = std::move(guard);
    return true;
  }

  /// `threads.emplace_back(worker, i)` runs the element type's constructor with these arguments.
  const Model *emplacedThread(const clang::CXXMemberCallExpr *call, std::string &api) const {
    const clang::CXXMethodDecl *method = call->getMethodDecl();
    if (!method || !method->getName().starts_with("emplace"))
      return nullptr;
    const auto *spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(method->getParent());
    if (!spec || spec->getTemplateArgs().size() == 0 ||
        spec->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type)
      return nullptr;
    const auto *element = spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
    if (!element)
      return nullptr;
    api = normalizedName(element) + "::" + element->getNameAsString();
    const Model *model = models.lookup(api);
    return model && model->threadEntry.present() ? model : nullptr;
  }

  void handleCall(LockState &state, const clang::CallExpr *call) {
    if (call->isTypeDependent() || call->isValueDependent())
      return; // a template's pattern: what it calls is known only per instantiation
    const clang::FunctionDecl *callee = call->getDirectCallee();
    if (callee && (callee->isImplicit() || callee->isDefaulted()) && !models.lookup(normalizedName(callee)))
      return; // compiler-generated copies and defaults do constant work
    if (!callee) {
      if (recording)
        recordIndirectCall(state, call);
      return;
    }
    std::string name = normalizedName(callee);
    const Model *model = models.lookup(name);
    std::vector<HeldLock> heldBefore = heldList(state);
    std::vector<HeldLock> taken;
    // The code's own annotations say what a lock function does; a model's name pattern guesses.
    bool declared = declaredEffects(callee) != nullptr;
    if (model && !declared) {
      switch (model->lock) {
      case LockAction::Acquire:
      case LockAction::AcquireShared:
        for (HeldLock lock : lockObjects(state, call, model->lockObject)) {
          lock.shared = model->lock == LockAction::AcquireShared;
          state.acquire(lock);
          taken.push_back(lock);
        }
        setGuardOwnership(state, call, model->lockObject, true);
        break;
      case LockAction::Release:
      case LockAction::ReleaseShared:
        for (const HeldLock &lock : lockObjects(state, call, model->lockObject))
          state.release(lock.lock, heldOnEntryKeys);
        setGuardOwnership(state, call, model->lockObject, false);
        break;
      default:
        break;
      }
    }
    if (!model || declared)
      taken = applyCalleeLockEffects(state, call, callee);
    if (!recording)
      return;
    if (const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
      std::string api;
      if (const Model *thread = emplacedThread(member, api)) {
        std::vector<const clang::Expr *> args(call->arg_begin(), call->arg_end());
        recordSpawn(state, api, *thread, args, call);
        return;
      }
    }
    if (model && model->threadEntry.present()) {
      std::vector<const clang::Expr *> args(call->arg_begin(), call->arg_end());
      recordSpawn(state, name, *model, args, call);
      return;
    }
    if (name == "std::thread::detach" || name == "std::jthread::detach")
      if (const clang::Expr *object = objectExpr(call)) {
        const clang::Expr *inner = skipWrappers(object);
        std::optional<size_t> spawn;
        if (auto it = spawnOf.find(inner); it != spawnOf.end())
          spawn = it->second; // std::thread(f, …).detach()
        else if (const clang::VarDecl *var = referencedVar(object))
          if (auto t = threadVariable.find(var); t != threadVariable.end())
            spawn = t->second;
        if (spawn)
          out.spawns[*spawn].detached = true;
      }
    // `jthreads.clear()` destroys each std::jthread, and that joins it.
    if (const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call);
        member && callee->getIdentifier() && callee->getName() == "clear")
      if (const Model *joins = joiningDestructorModel(containerElement(member->getObjectType()->getAsCXXRecordDecl()))) {
        recordImplicitJoin(state, call, call->getEndLoc(), usrOf(callee), name, joins->effect);
        return;
      }
    recordLibraryObjectAccess(state, call, callee, model);
    if (!model || (model->lock == LockAction::None && model->guard == GuardKind::None)) {
      bool memberOperator = llvm::isa<clang::CXXOperatorCallExpr>(call) && llvm::isa<clang::CXXMethodDecl>(callee);
      recordConstReferenceReads(state, callee, {call->getArgs(), call->getNumArgs()}, memberOperator ? 1 : 0, call);
    }
    bool inSystemHeader = ctx.getSourceManager().isInSystemHeader(callee->getLocation());
    if (inSystemHeader && !model && llvm::isa<clang::CXXOperatorCallExpr>(call) &&
        llvm::cast<clang::CXXOperatorCallExpr>(call)->getOperator() == clang::OO_Call) {
      out.calls.push_back(makeIndirect(state, call)); // std::function: whatever it holds runs
      return;
    }
    // A library function that never returns (pthread_exit, exit, abort) ends the work there,
    // which decides whether the work can become a pool's task; it costs nothing worth weighing.
    bool endsWork = !model && inSystemHeader && callee->isNoReturn();
    bool interesting = model || !inSystemHeader || endsWork;
    if (!interesting)
      return;
    Call fact = makeCall(state, call, callee, name);
    fact.modelled = endsWork;
    if (!taken.empty()) {
      fact.held = heldBefore; // the order that matters is what was held when it was taken
      fact.acquires = taken;
    }
    if (model) {
      fact.modelled = true;
      fact.effect = model->effect;
      fact.effect.nonBlocking = isNonBlocking(call, *model);
      refineStream(call, *model, fact.effect);
      markNonBlocking(call, nullptr);
      markDescriptor(call, nullptr);
      if (model->join.kind != ArgRef::None)
        out.joins.push_back(Join{name, fact.loc, fact.loop});
    }
    out.calls.push_back(std::move(fact));
    if (model && model->handOff.present())
      recordHandOff(call, model->handOff, int32_t(out.calls.size() - 1));
    if (model && model->effect.sync == SyncKind::Wait && !state.held.empty())
      recordPredicateAwaits(call);
  }

  /// `cv.wait(lock, [&] { return ready; })` returns, the lock held, once the predicate saw
  /// what it reads set: a wait, as in recordLockedHandOff, for each variable it reads.
  void recordPredicateAwaits(const clang::CallExpr *call) {
    // What the predicate names from outside it: globals, captured variables, members.
    std::vector<const clang::Expr *> reads;
    std::function<void(const clang::Stmt *)> collect = [&](const clang::Stmt *s) {
      if (!s)
        return;
      if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(s)) {
        const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
        if (var && (!var->isLocalVarDeclOrParm() || ref->refersToEnclosingVariableOrCapture()))
          reads.push_back(ref);
      } else if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(s);
                 member && llvm::isa<clang::CXXThisExpr>(member->getBase()->IgnoreParenImpCasts())) {
        reads.push_back(member);
      }
      for (const clang::Stmt *child : s->children())
        collect(child);
    };
    for (const clang::Expr *arg : call->arguments()) {
      const auto *predicate = llvm::dyn_cast<clang::LambdaExpr>(arg->IgnoreImplicit());
      if (!predicate)
        continue;
      reads.clear();
      collect(predicate->getBody());
      for (const clang::Expr *read : reads)
        if (std::optional<AbstractLocation> where = resolver.ofLValue(read, loopOf(call), false)) {
          HandOff handOff;
          handOff.role = HandOffRole::Await;
          handOff.object = where->key;
          handOff.loc = locs.make(call->getEndLoc());
          handOff.loop = loopOf(call);
          out.handOffs.push_back(std::move(handOff));
        }
    }
  }

  /// `auto f = done.get_future();`: waiting on `f` waits for what is signalled on `done`.
  void noteChannel(const clang::VarDecl *var, const clang::Expr *init) {
    const auto *call = llvm::dyn_cast_or_null<clang::CallExpr>(init);
    const clang::FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    const Model *model = callee ? models.lookup(normalizedName(callee)) : nullptr;
    if (!model || model->handOff.role != HandOffModel::Channel)
      return;
    if (std::optional<std::string> object = handOffObject(call, model->handOff))
      channelOf[var] = *object;
  }

  /// The synchronization object a hand-off call works on, by its abstract location.
  std::optional<std::string> handOffObject(const clang::CallExpr *call, const HandOffModel &model) const {
    std::vector<const clang::Expr *> objects = lockArgs(call, model.object);
    if (objects.empty())
      return std::nullopt;
    if (const clang::VarDecl *var = referencedVar(objects.front()))
      if (auto it = channelOf.find(var); it != channelOf.end())
        return it->second;
    std::optional<HeldLock> where = lockFor(objects.front(), loopOf(call));
    return where ? std::optional<std::string>(where->lock) : std::nullopt;
  }

  /// A latch, barrier, semaphore, promise or atomic call that orders memory between threads.
  /// An atomic store or load orders it only with the memory orders the model lists (an argument
  /// left to its default is seq_cst), or with a fence that makes up for a relaxed order; a load
  /// only as a loop condition: a loop that spins until the flag is set, after which the waiting
  /// is over. A read-modify-write (`exchange`) publishes with a releasing order and, as a spin
  /// loop's condition, waits with an acquiring one.
  void recordHandOff(const clang::CallExpr *call, const HandOffModel &model, int32_t callIndex) {
    const clang::Expr *orderArg = nullptr;
    if (model.order.present() && unsigned(model.order.flagArg.index) < call->getNumArgs())
      orderArg = call->getArg(model.order.flagArg.index);
    if (model.role == HandOffModel::Channel)
      return;
    if (model.role == HandOffModel::Fence)
      return fences.add(Fences::Fence{locs.make(call->getBeginLoc()), loopOf(call)}, orderEffect(orderArg, ctx));
    std::optional<std::string> object = handOffObject(call, model);
    if (!object)
      return;
    HandOff handOff;
    handOff.object = *object;
    handOff.rendezvous = model.rendezvous;
    handOff.call = callIndex;
    handOff.loc = locs.make(call->getBeginLoc());
    handOff.loop = loopOf(call);
    handOff.omp = ompPlaceOf(call, nullptr, nullptr, nullptr);
    OrderEffect effect;
    if (model.role == HandOffModel::Exchange) {
      effect = orderEffect(orderArg, ctx);
    } else {
      bool listed = !orderArg || llvm::isa<clang::CXXDefaultArgExpr>(orderArg) ||
                    argumentFlag(call, model.order.flagArg, model.order.flags);
      effect = OrderEffect{listed, listed};
    }
    switch (model.role) {
    case HandOffModel::Signal:
      return recordSignal(handOff, effect);
    case HandOffModel::Await:
      if (!model.spin)
        return recordAwait(handOff, effect);
      return recordSpinAwait(handOff, effect, call);
    case HandOffModel::Both:
      if (effect.releases) {
        handOff.role = HandOffRole::Both;
        out.handOffs.push_back(std::move(handOff));
      }
      return;
    case HandOffModel::Exchange:
      recordSignal(handOff, effect);
      return recordSpinAwait(handOff, effect, call);
    default:
      return;
    }
  }

  /// C11 <stdatomic.h> and the __atomic builtins are atomic expressions, not calls, so no model
  /// names them: stores, loads and read-modify-writes order memory as std::atomic's do.
  void recordAtomicHandOff(const clang::AtomicExpr *atomic) {
    using Op = clang::AtomicExpr::AtomicOp;
    Op op = atomic->getOp();
    if (op == Op::AO__c11_atomic_init)
      return;
    bool store = op == Op::AO__c11_atomic_store || op == Op::AO__atomic_store || op == Op::AO__atomic_store_n;
    bool load = op == Op::AO__c11_atomic_load || op == Op::AO__atomic_load || op == Op::AO__atomic_load_n;
    std::optional<HeldLock> object = lockFor(atomic->getPtr(), loopOf(atomic));
    if (!object)
      return;
    HandOff handOff;
    handOff.object = object->lock;
    handOff.loc = locs.make(atomic->getBeginLoc());
    handOff.loop = loopOf(atomic);
    handOff.omp = ompPlaceOf(atomic, nullptr, nullptr, nullptr);
    OrderEffect effect = orderEffect(atomic->getOrder(), ctx);
    if (!load)
      recordSignal(handOff, effect);
    if (!store)
      recordSpinAwait(handOff, effect, atomic);
  }

  /// A release: what the thread wrote before it is published. A relaxed one counts if a release
  /// fence precedes it (decided once the whole body has been seen).
  void recordSignal(HandOff handOff, OrderEffect effect) {
    handOff.role = HandOffRole::Signal;
    (effect.releases ? out.handOffs : needsReleaseFence).push_back(std::move(handOff));
  }

  void recordAwait(HandOff handOff, OrderEffect effect) {
    handOff.role = HandOffRole::Await;
    (effect.acquires ? out.handOffs : needsAcquireFence).push_back(std::move(handOff));
  }

  /// An acquire that waits only as the condition of a loop spinning on it: the wait is over at
  /// the loop's end. A loop waiting for a count is a rendezvous with every incrementing thread.
  void recordSpinAwait(HandOff handOff, OrderEffect effect, const clang::Expr *awaited) {
    const clang::Stmt *loop = loopConditionOf(awaited, ctx);
    if (!loop)
      return;
    endAtLoop(handOff, loop);
    handOff.rendezvous = handOff.rendezvous || waitsForCount(awaited, loop, ctx);
    recordAwait(std::move(handOff), effect);
  }

  /// A wait made in the loop `loop` spins on (its condition, or an `if` that leaves it) is over
  /// at the loop's end, in the loop around it.
  void endAtLoop(HandOff &handOff, const clang::Stmt *loop) {
    handOff.loc = locs.make(loop->getEndLoc());
    handOff.loop = handOff.loop >= 0 ? shape.loops[handOff.loop].parent : -1;
  }

  /// Relaxed releases and acquires that the function's fences make up for: each then takes
  /// effect at its fence.
  void applyFences() {
    for (HandOff &signal : needsReleaseFence)
      if (std::optional<Fences::Fence> fence = fences.releaseBefore(signal.loc.offset)) {
        signal.loc = fence->loc;
        signal.loop = fence->loop;
        out.handOffs.push_back(std::move(signal));
      }
    for (HandOff &await : needsAcquireFence)
      if (std::optional<Fences::Fence> fence = fences.acquireAfter(await.loc.offset)) {
        await.loc = fence->loc;
        await.loop = fence->loop;
        out.handOffs.push_back(std::move(await));
      }
  }

  /// `#pragma omp atomic write` with seq_cst or release makes the same hand-off as a C11 release
  /// store, and `atomic read` with seq_cst or acquire as an acquire load; a read is a statement
  /// (`done = flag;`), so it spins when the loop around it tests what it read. Without a memory
  /// order an OpenMP atomic is relaxed and orders nothing else.
  void recordOmpAtomicHandOff(const clang::OMPAtomicDirective *atomic) {
    bool write = atomic->getSingleClause<clang::OMPWriteClause>();
    bool read = atomic->getSingleClause<clang::OMPReadClause>();
    bool seqCst = atomic->getSingleClause<clang::OMPSeqCstClause>() || atomic->getSingleClause<clang::OMPAcqRelClause>();
    if (!(write && (seqCst || atomic->getSingleClause<clang::OMPReleaseClause>())) &&
        !(read && (seqCst || atomic->getSingleClause<clang::OMPAcquireClause>())))
      return;
    if (!atomic->getX())
      return;
    std::optional<HeldLock> object = lockFor(atomic->getX(), loopOf(atomic));
    if (!object)
      return;
    HandOff handOff;
    handOff.role = write ? HandOffRole::Signal : HandOffRole::Await;
    handOff.object = object->lock;
    handOff.loc = locs.make(atomic->getBeginLoc());
    handOff.loop = loopOf(atomic);
    if (read) {
      const clang::ValueDecl *into = atomic->getV() ? directVariable(atomic->getV()) : nullptr;
      const clang::Stmt *loop = into ? loopTesting(atomic, into, ctx) : nullptr;
      if (!loop)
        return;
      handOff.loc = locs.make(loop->getEndLoc());
      handOff.loop = handOff.loop >= 0 ? shape.loops[handOff.loop].parent : -1;
    }
    handOff.omp = ompPlaceOf(atomic, nullptr, nullptr, nullptr);
    out.handOffs.push_back(std::move(handOff));
  }

  /// At the end of a worksharing construct of a region, each thread adds its private copy of
  /// a `reduction` variable into the team's: a write by every thread, atomic with the others'
  /// (the runtime serialises them) but not with other code of the same phase, such as a
  /// `master` block that has no barrier after it.
  void recordReductionCombines(const LockState &state, const clang::OMPExecutableDirective *directive) {
    if (!shape.teamReductions.contains(directive))
      return;
    for (const auto *clause : directive->getClausesOfKind<clang::OMPReductionClause>())
      for (const clang::Expr *var : clause->varlists()) // shared: OpenMP requires it
        if (std::optional<AbstractLocation> where = resolver.ofLValue(var, loopOf(var), true))
          pushAccess(state, *where, AccessKind::Write, var, true, var);
  }

  Call makeCall(const LockState &state, const clang::CallExpr *call, const clang::FunctionDecl *callee,
                const std::string &name) {
    Call fact = callAt(state, call, call->getExprLoc());
    fact.callee = usrOf(callee);
    fact.calleeName = name;
    fact.argCount = call->getNumArgs();
    fact.omp = ompPlaceOf(call, &fact.held, nullptr, nullptr);
    const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call);
    if (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(callee)) {
      bool qualified = false;
      if (member)
        if (const auto *me = llvm::dyn_cast<clang::MemberExpr>(member->getCallee()->IgnoreParens()))
          qualified = me->hasQualifier();
      if (method->isVirtual() && !qualified && !method->hasAttr<clang::FinalAttr>())
        fact.kind = CallKind::Virtual;
      if (const clang::Expr *object = objectExpr(call)) {
        std::optional<AbstractLocation> where = object->getType()->isPointerType()
                                                    ? resolver.ofPointee(object, fact.loop)
                                                    : resolver.ofLValue(object, fact.loop);
        if (where)
          fact.args.push_back(ArgBinding{ThisParam, where->key, where->index == "iv"});
      }
    }
    unsigned firstArg = llvm::isa<clang::CXXOperatorCallExpr>(call) &&
                                llvm::isa<clang::CXXMethodDecl>(callee)
                            ? 1
                            : 0;
    for (unsigned i = firstArg; i < call->getNumArgs(); ++i) {
      unsigned param = i - firstArg;
      if (param >= callee->getNumParams())
        break;
      clang::QualType type = callee->getParamDecl(param)->getType();
      if (!type->isPointerType() && !type->isReferenceType())
        continue;
      if (argumentIsPrivate(call->getArg(i), call))
        continue; // each thread of the region passes its own object
      if (std::optional<AbstractLocation> where = resolver.ofArgument(call->getArg(i), fact.loop))
        fact.args.push_back(ArgBinding{param, where->key, where->index == "iv"});
    }
    return fact;
  }

  /// A function or lambda named but not called here: a callback, a table entry, a function
  /// pointer's target. What it does may happen on behalf of this function.
  void recordReference(const LockState &state, const clang::FunctionDecl *target, const clang::Expr *site) {
    Call fact = callAt(state, site, site->getBeginLoc());
    fact.kind = shape.callArguments.contains(site) ? CallKind::Callback : CallKind::Reference;
    fact.callee = usrOf(target);
    fact.calleeName = normalizedName(target);
    if (const Model *model = models.lookup(fact.calleeName)) {
      fact.modelled = true;
      fact.effect = model->effect;
    }
    out.calls.push_back(std::move(fact));
  }

  void recordIndirectCall(const LockState &state, const clang::CallExpr *call) {
    // A call through a pointer whose possible targets the program names: `auto fp = &work;`,
    // a table `kHandlers[op](…)`, a struct field `t->send(…)`.
    std::vector<const clang::FunctionDecl *> possible = descriptors.pointerTargets(call->getCallee());
    if (possible.size() > 1 || (possible.size() == 1 && !resolveCallable(call->getCallee()).function)) {
      for (const clang::FunctionDecl *target : possible) {
        Call fact = makeIndirect(state, call);
        fact.callee = usrOf(target);
        fact.calleeName = normalizedName(target);
        out.calls.push_back(std::move(fact));
      }
      return;
    }
    Callable target = resolveCallable(call->getCallee());
    Call fact = makeIndirect(state, call);
    if (target.function) {
      fact.callee = usrOf(target.function);
      fact.calleeName = normalizedName(target.function);
      if (const Model *model = models.lookup(fact.calleeName)) {
        fact.modelled = true;
        fact.effect = model->effect;
      }
    }
    out.calls.push_back(std::move(fact));
  }

  Call makeIndirect(const LockState &state, const clang::CallExpr *call) const {
    return callAt(state, call, call->getExprLoc());
  }

  /// A call on a standard-library object is an access to it: const members read, others write.
  void recordLibraryObjectAccess(const LockState &state, const clang::CallExpr *call,
                                 const clang::FunctionDecl *callee, const Model *model) {
    const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
    const clang::Expr *object = objectExpr(call);
    if (method && object) {
      if (!ctx.getSourceManager().isInSystemHeader(method->getLocation()))
        return;
      if (model && (model->lock != LockAction::None || model->guard != GuardKind::None ||
                    model->container == ContainerAccess::Element))
        return;
      AccessKind kind = method->isConst() ? AccessKind::Read : AccessKind::Write;
      if (model && model->container == ContainerAccess::Read)
        kind = AccessKind::Read;
      if (model && model->container == ContainerAccess::Write)
        kind = AccessKind::Write;
      bool arrow = object->getType()->isPointerType();
      std::optional<AbstractLocation> where = arrow ? resolver.ofPointee(object, loopOf(call))
                                                    : resolver.ofLValue(object, loopOf(call));
      if (where)
        pushAccess(state, *where, kind, call, model && model->effect.atomic, object);
      return;
    }
    // C and builtin atomics take the object's address first: `__atomic_fetch_add(&n, 1, …)`.
    if (model && model->effect.atomic && call->getNumArgs() >= 1)
      if (std::optional<AbstractLocation> where = resolver.ofPointee(call->getArg(0), loopOf(call)))
        pushAccess(state, *where, AccessKind::Write, call, true, nullptr);
    if (model)
      recordPointeeAccesses(state, call, *model);
  }

  /// A library function or constructor reads the objects it takes by const reference:
  /// `std::cout << payload` and `std::string copy = payload` read `payload`.
  void recordConstReferenceReads(const LockState &state, const clang::FunctionDecl *callee,
                                 llvm::ArrayRef<const clang::Expr *> args, unsigned skip, const clang::Expr *site) {
    if (!recording || !ctx.getSourceManager().isInSystemHeader(callee->getLocation()))
      return;
    for (unsigned i = skip; i < args.size() && i - skip < callee->getNumParams(); ++i) {
      clang::QualType type = callee->getParamDecl(i - skip)->getType();
      if (!type->isLValueReferenceType() || !type.getNonReferenceType().isConstQualified())
        continue;
      const clang::CXXRecordDecl *record = type.getNonReferenceType()->getAsCXXRecordDecl();
      if (!record || isStdRecord(type.getNonReferenceType(), "atomic"))
        continue; // scalars are read by their own conversion; atomics are their own business
      const clang::Expr *arg = args[i]->IgnoreParenImpCasts();
      if (!arg->isGLValue() || !llvm::isa<clang::DeclRefExpr, clang::MemberExpr>(arg))
        continue;
      if (std::optional<AbstractLocation> where = resolver.ofLValue(arg, loopOf(site)))
        pushAccess(state, *where, AccessKind::Read, site, false, arg);
    }
  }

  /// `memcpy(dst, src, n)`, `read(fd, buf, n)`, `sprintf(out, …)`: a library function that reads
  /// or writes through its pointer arguments accesses what they point to, for the caller.
  void recordPointeeAccesses(const LockState &state, const clang::CallExpr *call, const Model &model) {
    auto access = [&](const std::vector<int> &indexes, AccessKind kind) {
      for (int index : indexes) {
        if (unsigned(index) >= call->getNumArgs())
          continue;
        const clang::Expr *arg = call->getArg(index);
        if (std::optional<AbstractLocation> where = resolver.ofPointee(arg, loopOf(call)))
          pushAccess(state, *where, kind, call, false, nullptr);
      }
    };
    access(model.readsPointees, AccessKind::Read);
    access(model.writesPointees, AccessKind::Write);
  }

  bool isNonBlocking(const clang::CallExpr *call, const Model &model) const {
    if (model.nonBlockingIf.present() &&
        argumentFlag(call, model.nonBlockingIf.flagArg, model.nonBlockingIf.flags))
      return true;
    // I/O calls take their descriptor first; one made non-blocking earlier does not block.
    if (model.effect.io != IoKind::None && call->getNumArgs() >= 1)
      if (const clang::VarDecl *fd = referencedVar(call->getArg(0)))
        return nonBlockingDescriptors.contains(fd);
    return false;
  }

  /// The first of `flags` written in argument `which` of the call (`MSG_DONTWAIT`,
  /// `SOCK_NONBLOCK | SOCK_CLOEXEC`), by its spelling: flags are macros as often as enumerators.
  std::optional<std::string> argumentFlag(const clang::CallExpr *call, ArgRef which,
                                          const std::vector<std::string> &flags) const {
    if (which.kind != ArgRef::Index || unsigned(which.index) >= call->getNumArgs())
      return std::nullopt;
    std::string text = sourceText(call->getArg(which.index)->getSourceRange(), ctx.getSourceManager(),
                                  ctx.getLangOpts());
    for (const std::string &flag : flags)
      if (textHasWord(text, flag))
        return flag;
    return std::nullopt;
  }

  /// `fd = socket(…, SOCK_NONBLOCK, …)`, `fcntl(fd, F_SETFL, O_NONBLOCK)`: remember the descriptor.
  void markNonBlocking(const clang::CallExpr *call, const clang::VarDecl *result) {
    const clang::FunctionDecl *callee = call->getDirectCallee();
    const Model *model = callee ? models.lookup(normalizedName(callee)) : nullptr;
    if (!model || !model->marksNonBlocking.present())
      return;
    const FlagCondition &cond = model->marksNonBlocking;
    if (!argumentFlag(call, cond.flagArg, cond.flags))
      return;
    const clang::VarDecl *fd = result;
    if (model->marksNonBlockingFd.kind == ArgRef::Index &&
        unsigned(model->marksNonBlockingFd.index) < call->getNumArgs())
      fd = referencedVar(call->getArg(model->marksNonBlockingFd.index));
    if (fd)
      nonBlockingDescriptors.insert(fd);
  }

  /// The variable or field a descriptor or stream expression names: `fd`, `fds[0]`, `this->fd_`.
  static const clang::ValueDecl *descriptorDecl(const clang::Expr *e) {
    while (e) {
      e = e->IgnoreParenImpCasts();
      if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
        return ref->getDecl();
      if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e))
        return member->getMemberDecl();
      if (const auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e))
        e = subscript->getBase();
      else if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e);
               unary && (unary->getOpcode() == clang::UO_AddrOf || unary->getOpcode() == clang::UO_Deref))
        e = unary->getSubExpr();
      else
        return nullptr;
    }
    return nullptr;
  }

  /// `socket(AF_UNIX, …)` yields an ipc descriptor, `pipe(fds)` two: remember them.
  void markDescriptor(const clang::CallExpr *call, const clang::ValueDecl *result) {
    const clang::FunctionDecl *callee = call->getDirectCallee();
    const Model *model = callee ? models.lookup(normalizedName(callee)) : nullptr;
    if (!model || !model->marksDescriptor.present())
      return;
    const DescriptorMark &mark = model->marksDescriptor;
    IoKind kind = mark.kind;
    std::vector<std::string> flags;
    for (const auto &entry : mark.kinds)
      flags.push_back(entry.first);
    if (std::optional<std::string> flag = argumentFlag(call, mark.flagArg, flags))
      for (const auto &[name, flagKind] : mark.kinds)
        if (name == *flag)
          kind = flagKind;
    const clang::ValueDecl *target = result;
    if (mark.fd.kind == ArgRef::Index)
      target = unsigned(mark.fd.index) < call->getNumArgs() ? descriptorDecl(call->getArg(mark.fd.index)) : nullptr;
    if (target && kind != IoKind::None)
      descriptors.kinds[target] = kind;
  }

  /// What the stream or descriptor of an I/O call tells: `fprintf(stderr, …)` is terminal
  /// output, `ofs << x` on a std::ofstream file output, `oss << x` no I/O at all.
  void refineStream(const clang::CallExpr *call, const Model &model, CallEffect &effect) const {
    if (effect.io == IoKind::None || model.streamArg.kind == ArgRef::None)
      return;
    std::vector<const clang::Expr *> streams = lockArgs(call, model.streamArg);
    if (streams.empty())
      return;
    const clang::Expr *stream = streams.front()->IgnoreParenImpCasts();
    if (std::optional<IoKind> kind = streamIoKind(stream, models, ctx)) {
      effect.io = *kind;
      return;
    }
    if (const clang::ValueDecl *decl = descriptorDecl(stream))
      if (auto it = descriptors.kinds.find(decl); it != descriptors.kinds.end())
        effect.io = it->second;
  }

  void recordSpawn(const LockState &state, const std::string &api, const Model &model,
                   std::vector<const clang::Expr *> args, const clang::Expr *site) {
    Spawn spawn;
    spawn.api = api;
    spawn.kind = spawnKindOf(api);
    spawn.loc = locs.make(site->getBeginLoc());
    spawn.range = locs.makeRange(site->getBeginLoc(), site->getEndLoc());
    spawn.loop = loopOf(site);
    spawn.loopDepth = shape.depthOf(spawn.loop);
    spawn.held = heldList(state);
    if (const auto *call = llvm::dyn_cast<clang::CallExpr>(site))
      // The pool is the object (`pool.submit(f)`) or the first argument (`asio::post(pool, f)`).
      if (const clang::Expr *object = objectExpr(call) ? objectExpr(call)
                                      : call->getNumArgs() ? call->getArg(0) : nullptr)
        if (const clang::VarDecl *pool = referencedVar(object))
          if (auto it = poolSizes.find(pool); it != poolSizes.end())
            spawn.poolThreads = it->second;
    size_t callableIndex = size_t(model.threadEntry.callable);
    int argsFrom = model.threadEntry.argsFrom;
    // std::async(policy, f, args…): the policy shifts the callable and may defer it.
    if (callableIndex < args.size()) {
      const clang::Expr *first = args[callableIndex]->IgnoreImplicit();
      if (const auto *type = first->getType()->getAs<clang::EnumType>();
          type && normalizedName(type->getDecl()) == "std::launch") {
        std::string text = sourceText(first->getSourceRange(), ctx.getSourceManager(), ctx.getLangOpts());
        spawn.deferred = !model.threadEntry.deferredPolicy.empty() && text.find("deferred") != std::string::npos &&
                         text.find("async") == std::string::npos;
        ++callableIndex;
        if (argsFrom >= 0)
          ++argsFrom;
      }
    }
    if (callableIndex >= args.size())
      return;
    Callable callable = resolveCallable(args[callableIndex]);
    if (!callable.function)
      return;
    spawn.entry = usrOf(callable.function);
    spawn.entryName = displayName(callable.function);
    std::vector<size_t> passed;
    for (int index : model.threadEntry.args)
      passed.push_back(size_t(index));
    if (argsFrom >= 0)
      for (size_t i = size_t(argsFrom); i < args.size(); ++i)
        passed.push_back(i);
    uint32_t param = 0;
    for (size_t k = 0; k < passed.size(); ++k) {
      if (passed[k] >= args.size())
        continue;
      const clang::Expr *arg = args[passed[k]];
      bool isThis = callable.memberPointer && k == 0;
      uint32_t bound = isThis ? ThisParam : param++;
      const clang::Expr *inner = skipWrappers(arg);
      const auto *wrap = llvm::dyn_cast<clang::CallExpr>(inner);
      bool byRef = wrap && isStdRef(wrap);
      // A constant (`run(job, 0)`, `(void *)1L`): each spawn site's instance gets its own value.
      if (clang::Expr::EvalResult value; !byRef && !inner->isValueDependent() &&
                                         arg->IgnoreParenCasts()->EvaluateAsInt(value, ctx)) {
        spawn.args.push_back(ArgBinding{bound, "value:" + std::to_string(value.Val.getInt().getExtValue()), false});
        continue;
      }
      // A std::shared_ptr or std::unique_ptr passed by value: the thread's copy reaches the same
      // object, unless the loop made a new one for this thread.
      if (!byRef && (isStdRecord(inner->getType(), "shared_ptr") || isStdRecord(inner->getType(), "unique_ptr"))) {
        if (std::optional<AbstractLocation> where = resolver.ofPointee(inner, spawn.loop, /*anyLocal=*/true)) {
          const clang::VarDecl *var = referencedVar(inner);
          spawn.args.push_back(ArgBinding{bound, where->key, var && declaredInBodyOf(var, spawn.loop)});
        }
        continue;
      }
      // An integer cast to a pointer (`(void *)i`, `(void *)(intptr_t)id`) is passed by value too.
      const clang::Expr *value = arg->IgnoreParenCasts();
      if (!byRef && ((!inner->getType()->isPointerType() && !inner->getType()->isArrayType()) ||
                     value->getType()->isIntegralOrEnumerationType())) {
        // Passed by value: the thread works on its own copy. When the value is the spawning
        // loop's variable, each instance has a different one (an index of its own).
        const clang::VarDecl *var = referencedVar(inner) ? referencedVar(inner) : referencedVar(value);
        if (spawn.loop >= 0 && var && derivedFromCounter(var, spawn.loop, 2))
          spawn.args.push_back(ArgBinding{bound, "value:iv", true});
        continue;
      }
      std::optional<AbstractLocation> where = resolver.ofArgument(arg, spawn.loop, /*anyLocal=*/true);
      bool fresh = llvm::isa<clang::CXXNewExpr>(inner);
      if (where) {
        ArgBinding binding{bound, where->key, where->index == "iv"};
        if (llvm::StringRef(where->index).starts_with("const:") && llvm::StringRef(where->key).ends_with("[]"))
          binding.element = where->index.substr(6); // `&temp[2]`: that element, not the array
        spawn.args.push_back(std::move(binding));
      } else if (fresh)
        spawn.args.push_back(ArgBinding{bound, "new", true});
    }
    if (callable.lambda && capturesThisOf(callable.lambda))
      spawn.args.push_back(ArgBinding{ThisParam, "p:this", false});
    // A local of this function the thread reaches by reference (a capture, &x, std::ref(x)).
    if (callable.lambda)
      for (const clang::LambdaCapture &capture : callable.lambda->captures())
        if (capture.capturesVariable() && capture.getCaptureKind() == clang::LCK_ByRef)
          if (const auto *var = llvm::dyn_cast<clang::VarDecl>(capture.getCapturedVar());
              var && var->hasLocalStorage() && spawn.borrowedLocal.empty())
            spawn.borrowedLocal = var->getNameAsString();
    for (const ArgBinding &b : spawn.args)
      if (spawn.borrowedLocal.empty() && llvm::StringRef(b.location).starts_with("l:"))
        spawn.borrowedLocal = b.location.substr(b.location.rfind('@') + 1);
    if (callable.lambda && spawn.loop >= 0)
      for (const clang::LambdaCapture &capture : callable.lambda->captures())
        if (capture.capturesVariable() && capture.getCaptureKind() == clang::LCK_ByCopy &&
            capture.getCapturedVar() == shape.inductionVariable[spawn.loop])
          spawn.args.push_back(ArgBinding{CapturesParam, "capture:" + usrOf(capture.getCapturedVar()), true});
    out.spawns.push_back(std::move(spawn));
  }

  static bool capturesThisOf(const clang::LambdaExpr *lambda) {
    for (const clang::LambdaCapture &capture : lambda->captures())
      if (capture.capturesThis())
        return true;
    return false;
  }

  /// `for (double s : samples)`: each pass reads an element of `samples` into `s` (through an
  /// iterator the library hides), any element as far as other threads are concerned.
  void recordRangeElementRead(const LockState &state, const clang::VarDecl *var, const clang::DeclStmt *decl) {
    clang::DynTypedNodeList parents = ctx.getParents(*decl);
    const auto *loop = parents.empty() ? nullptr : parents[0].get<clang::CXXForRangeStmt>();
    if (!loop || loop->getLoopVariable() != var || !loop->getRangeInit())
      return;
    const clang::Expr *range = loop->getRangeInit()->IgnoreParenImpCasts();
    if (!range->isGLValue())
      return; // a temporary: no other thread can see it
    std::optional<AbstractLocation> where = resolver.ofLValue(range, loopOf(loop), false);
    if (!where)
      return;
    where->key += "[]";
    where->display += "[]";
    where->index.clear();
    pushAccess(state, *where, AccessKind::Read, decl, false, nullptr);
  }

  void recordAccess(const LockState &state, const clang::Expr *lvalue, AccessKind kind,
                    const clang::Stmt *anchor) {
    int32_t scope = shape.ompScopeOf(anchor);
    if (scope >= 0 && privateInRegion(lvalue, anchor))
      return;
    // In a parallel region the enclosing function's locals are shared by the team (a task
    // outside one shares those it does not make private: they escape).
    bool inRegion = scope >= 0 && shape.ompScopes[scope].region >= 0;
    if (std::optional<AbstractLocation> where = resolver.ofLValue(lvalue, loopOf(anchor), inRegion)) {
      int32_t loop = -1;
      ompPlaceOf(anchor, nullptr, nullptr, &loop);
      if (loop >= 0)
        where->index = resolver.indexAgainst(lvalue, loop);
      if (inRegion)
        where->rows = resolver.rowsOf(lvalue);
      pushAccess(state, *where, kind, anchor, false, lvalue);
    }
  }

  /// `lvalue`: the expression naming the memory, when there is one (its annotations count).
  void pushAccess(const LockState &state, const AbstractLocation &where, AccessKind kind,
                  const clang::Stmt *anchor, bool atomic, const clang::Expr *lvalue) {
    Access access;
    access.location = where.key;
    access.display = where.display;
    access.kind = kind;
    access.loc = locs.make(anchor->getBeginLoc());
    access.loop = loopOf(anchor);
    access.loopDepth = shape.depthOf(access.loop);
    access.atomic = atomic;
    access.index = where.index;
    access.rows = where.rows;
    access.held = heldList(state);
    access.omp = ompPlaceOf(anchor, &access.held, &access.atomic, nullptr);
    if (!access.atomic)
      access.statement = guardSites.statementOf(anchor);
    if (lvalue)
      if (std::optional<HeldLock> guard = declaredGuard(lvalue, resolver, access.loop))
        access.declaredGuard = *guard;
    recordLockedHandOff(state, access, lvalue);
    out.accesses.push_back(std::move(access));
  }

  /// A lock orders memory as a hand-off does when a flag under it is what the other side waits
  /// for: a write under a lock publishes what came before it (its unlock releases), and a read
  /// under a lock that decides when a loop ends (`while (!ready) cv.wait(lk);`, `{ lock; if
  /// (ready) break; }`) waits until it sees such a write, whose unlock came before its lock.
  void recordLockedHandOff(const LockState &state, const Access &access, const clang::Expr *lvalue) {
    if (access.atomic || state.held.empty() || !lvalue)
      return;
    HandOff handOff;
    handOff.object = access.location;
    handOff.loc = access.loc;
    handOff.loop = access.loop;
    handOff.omp = access.omp;
    if (access.kind == AccessKind::Write) {
      handOff.role = HandOffRole::Signal;
      out.handOffs.push_back(std::move(handOff));
      return;
    }
    const clang::Stmt *loop = loopConditionOf(lvalue, ctx);
    if (!loop)
      loop = loopLeftWhen(lvalue, ctx);
    if (!loop)
      return;
    handOff.role = HandOffRole::Await;
    endAtLoop(handOff, loop);
    out.handOffs.push_back(std::move(handOff));
  }

  static std::vector<HeldLock> heldList(const LockState &state) {
    std::vector<HeldLock> held;
    for (const auto &entry : state.held)
      held.push_back(entry.second);
    return held;
  }

  const clang::FunctionDecl *fn;
  clang::ASTContext &ctx;
  const ModelDatabase &models;
  LocMaker &locs;
  UnitFacts &descriptors;
  BodyShape shape;
  llvm::DenseSet<const clang::ValueDecl *> byReferenceCaptures;
  LocationResolver resolver;
  GuardSites guardSites;
  llvm::SmallPtrSet<const clang::VarDecl *, 4> nonBlockingDescriptors;
  llvm::DenseMap<const clang::VarDecl *, int64_t> poolSizes; // pools built with a constant size
  llvm::DenseMap<const clang::Expr *, size_t> spawnOf;          // a thread's construction -> its spawn
  llvm::DenseMap<const clang::VarDecl *, size_t> threadVariable; // a thread object -> its spawn
  llvm::DenseMap<const clang::VarDecl *, std::string> channelOf; // a future -> its promise's location
  Fences fences;
  std::vector<HandOff> needsReleaseFence; // relaxed releases, counted if a release fence precedes
  std::vector<HandOff> needsAcquireFence; // relaxed spinning acquires, if an acquire fence follows
  std::vector<HeldLock> heldOnEntry; // REQUIRES / RELEASE annotations of the function
  std::set<std::string> heldOnEntryKeys;
  bool capturesThis = false;
  bool recording = false;
  Function out;
};

} // namespace

const LockEffects &lockEffectsOf(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                 const ModelDatabase &models, LocMaker &locs, UnitFacts &facts) {
  static const LockEffects none;
  if (auto it = facts.lockEffects.find(fn); it != facts.lockEffects.end())
    return it->second;
  if (!facts.lockEffectsInProgress.insert(fn).second || !fn->getBody())
    return none; // recursion: the cycle adds nothing a lock wrapper would
  LockEffects effects = Extractor(fn, nullptr, ctx, models, locs, facts).lockEffects();
  facts.lockEffectsInProgress.erase(fn);
  return facts.lockEffects[fn] = std::move(effects);
}

Function extractFunction(const clang::FunctionDecl *fn, const clang::LambdaExpr *lambda,
                         clang::ASTContext &ctx, const ModelDatabase &models, LocMaker &locs,
                         UnitFacts &descriptors) {
  Function facts = Extractor(fn, lambda, ctx, models, locs, descriptors).run();
  facts.unjoinedThreads = findUnjoinedThreads(fn, ctx, locs);
  return facts;
}

} // namespace concur
