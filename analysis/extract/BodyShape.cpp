#include "BodyShape.h"

#include "AstQueries.h"
#include "../TaskOrder.h"
#include "LocMaker.h"
#include "Names.h"

#include "clang/AST/ASTContext.h"
#include <functional>
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/AST/OpenMPClause.h"
#include "clang/Basic/OpenMPKinds.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringRef.h"

namespace concur {
namespace {

const clang::VarDecl *localVar(const clang::Expr *e) {
  if (!e)
    return nullptr;
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts()))
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()))
      if (var->hasLocalStorage())
        return var;
  return nullptr;
}

/// A branch that leaves the function: its statements are error handling when the condition
/// reads like a failure test. Text heuristics, because error codes have no common type.
bool looksLikeFailureTest(llvm::StringRef cond) {
  static const char *const markers[] = {"< 0", "<0", "== -1", "==-1", "nullptr", "NULL", "!",
                                        "err", "fail", "bad", "invalid", "errno", "_OK", "ok()"};
  for (const char *m : markers)
    if (cond.contains(m))
      return true;
  return false;
}

bool exits(const clang::Stmt *s) {
  if (!s)
    return false;
  if (const auto *block = llvm::dyn_cast<clang::CompoundStmt>(s))
    return !block->body_empty() && exits(block->body_back());
  if (llvm::isa<clang::ReturnStmt, clang::CXXThrowExpr, clang::GotoStmt, clang::ContinueStmt,
                clang::BreakStmt>(s))
    return true;
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s))
    if (const auto *fn = call->getDirectCallee())
      return fn->isNoReturn();
  return false;
}

/// How a branch leaves tells whether it handles a failure: it throws, aborts, or returns
/// false, a negative number or a null pointer.
bool failureExit(const clang::Stmt *s) {
  if (const auto *block = llvm::dyn_cast_or_null<clang::CompoundStmt>(s))
    return !block->body_empty() && failureExit(block->body_back());
  if (llvm::isa_and_nonnull<clang::CXXThrowExpr>(s))
    return true;
  if (const auto *call = llvm::dyn_cast_or_null<clang::CallExpr>(s))
    return call->getDirectCallee() && call->getDirectCallee()->isNoReturn();
  const auto *ret = llvm::dyn_cast_or_null<clang::ReturnStmt>(s);
  if (!ret || !ret->getRetValue())
    return false;
  const clang::Expr *value = ret->getRetValue()->IgnoreParenImpCasts();
  if (const auto *b = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(value))
    return !b->getValue();
  if (llvm::isa<clang::CXXNullPtrLiteralExpr, clang::GNUNullExpr>(value))
    return true;
  if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(value))
    return unary->getOpcode() == clang::UO_Minus && llvm::isa<clang::IntegerLiteral>(unary->getSubExpr());
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(value)) // std::nullopt, EXIT_FAILURE-like
    return ref->getDecl()->getName().contains_insensitive("null") ||
           ref->getDecl()->getName().contains_insensitive("err") ||
           ref->getDecl()->getName().contains_insensitive("fail");
  return false;
}

class ShapeVisitor : public clang::RecursiveASTVisitor<ShapeVisitor> {
public:
  ShapeVisitor(BodyShape &shape, clang::ASTContext &ctx, LocMaker &locs)
      : shape(shape), ctx(ctx), locs(locs) {}

  bool shouldVisitLambdaBody() const { return false; }

  bool TraverseLambdaExpr(clang::LambdaExpr *lambda) {
    shape.lambdas.push_back(lambda);
    for (const clang::LambdaCapture &capture : lambda->captures())
      if (capture.capturesVariable() && capture.getCaptureKind() == clang::LCK_ByRef)
        if (const auto *var = llvm::dyn_cast<clang::VarDecl>(capture.getCapturedVar()))
          shape.escapingLocals.insert(var);
    record(lambda);
    for (clang::Expr *init : lambda->capture_inits())
      if (init && !TraverseStmt(init))
        return false;
    return true;
  }

  bool TraverseForStmt(clang::ForStmt *s) {
    if (s->getInit())
      TraverseStmt(s->getInit());
    return inLoop(s, "for", inductionOf(s), tripCountOf(s), [&] {
      if (s->getConditionVariableDeclStmt())
        TraverseStmt(s->getConditionVariableDeclStmt());
      condition(s->getCond());
      for (clang::Stmt *part : {static_cast<clang::Stmt *>(s->getInc()), s->getBody()})
        if (part)
          TraverseStmt(part);
    });
  }
  bool TraverseWhileStmt(clang::WhileStmt *s) {
    return inLoop(s, "while", nullptr, cappedTrips(s->getCond(), s->getBody()), [&] {
      if (s->getConditionVariableDeclStmt()) // `while (dirent *e = readdir(d))`
        TraverseStmt(s->getConditionVariableDeclStmt());
      condition(s->getCond());
      TraverseStmt(s->getBody());
    });
  }
  bool TraverseDoStmt(clang::DoStmt *s) {
    return inLoop(s, "do", nullptr, -1, [&] {
      TraverseStmt(s->getBody());
      condition(s->getCond());
    });
  }
  bool TraverseCXXForRangeStmt(clang::CXXForRangeStmt *s) {
    if (s->getRangeInit())
      TraverseStmt(s->getRangeInit());
    return inLoop(s, "range-for", s->getLoopVariable(), rangeTripCount(s), [&] {
      TraverseStmt(s->getLoopVarStmt());
      TraverseStmt(s->getBody());
    });
  }

  bool TraverseIfStmt(clang::IfStmt *s) {
    const clang::SourceManager &sm = ctx.getSourceManager();
    std::string branchText = clang::Lexer::getSourceText(
        clang::CharSourceRange::getTokenRange(s->getThen()->getSourceRange()), sm, ctx.getLangOpts()).str();
    // A branch that reports on stderr and leaves is the failure path, whatever it returns.
    bool reportsError = branchText.find("stderr") != std::string::npos ||
                        branchText.find("cerr") != std::string::npos ||
                        branchText.find("perror") != std::string::npos;
    bool errorBranch = !s->getElse() && exits(s->getThen()) &&
                       (failureExit(s->getThen()) || reportsError ||
                        looksLikeFailureTest(sourceText(s->getCond()->getSourceRange(),
                                                        ctx.getSourceManager(), ctx.getLangOpts())));
    record(s);
    if (s->getInit())
      TraverseStmt(s->getInit());
    if (s->getConditionVariableDeclStmt())
      TraverseStmt(s->getConditionVariableDeclStmt());
    TraverseStmt(s->getCond());
    errorDepth += errorBranch;
    // In a region, `if (omp_get_thread_num() == k)` runs its branch on thread k alone.
    std::optional<int64_t> thread = currentRegion() >= 0 ? requiredThreadNumber(s->getCond(), ctx) : std::nullopt;
    if (thread)
      openThreadBlock(*thread);
    TraverseStmt(s->getThen());
    if (thread)
      ompStack.pop_back();
    errorDepth -= errorBranch;
    if (s->getElse())
      TraverseStmt(s->getElse());
    return true;
  }

  bool TraverseCXXCatchStmt(clang::CXXCatchStmt *s) {
    record(s);
    ++errorDepth;
    TraverseStmt(s->getHandlerBlock());
    --errorDepth;
    return true;
  }

  bool VisitStmt(clang::Stmt *s) {
    record(s);
    return true;
  }

  bool TraverseStmt(clang::Stmt *s, DataRecursionQueue *queue = nullptr) {
    auto *directive = llvm::dyn_cast_or_null<clang::OMPExecutableDirective>(s);
    if (!directive)
      return RecursiveASTVisitor::TraverseStmt(s, queue);
    record(s);
    bool teamReduction = combinesIntoTeam(directive);
    int32_t scope = openOmpScope(directive);
    if (teamReduction) {
      shape.teamReductions.insert(directive);
      for (const auto *clause : directive->getClausesOfKind<clang::OMPReductionClause>())
        for (const clang::Expr *var : clause->varlists())
          record(var);
    }
    if (directive->hasAssociatedStmt())
      RecursiveASTVisitor::TraverseStmt(directive->getAssociatedStmt());
    closeOmpScope(scope, directive);
    return true;
  }

  /// A worksharing construct (`for`, `sections`) with a `reduction` inside a parallel region:
  /// the team shares the variable it combines into. A combined `parallel for` combines into a
  /// variable outside its own team.
  bool combinesIntoTeam(const clang::OMPExecutableDirective *d) const {
    llvm::omp::Directive kind = d->getDirectiveKind();
    return currentRegion() >= 0 && clang::isOpenMPWorksharingDirective(kind) &&
           !clang::isOpenMPParallelDirective(kind) && !clang::isOpenMPTeamsDirective(kind) &&
           !d->getClausesOfKind<clang::OMPReductionClause>().empty();
  }

  /// A local of the creator that a task uses without making it private is shared with the
  /// task, wherever the task runs.
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    int32_t task = innermostTask();
    const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (currentRegion() >= 0 && var && var->hasLocalStorage() && var->getType()->isPointerType())
      pointersInRegions.insert(var);
    if (task < 0 || !var || !var->hasLocalStorage() ||
        !ctx.getSourceManager().isBeforeInTranslationUnit(var->getLocation(), shape.taskDirectives[task]->getBeginLoc()))
      return true;
    for (auto it = ompStack.rbegin(); it != ompStack.rend(); ++it) {
      if (shape.ompScopes[*it].privates.contains(var))
        return true;
      if (shape.ompScopes[*it].task == task)
        break;
    }
    shape.escapingLocals.insert(var);
    return true;
  }

  bool VisitDeclStmt(clang::DeclStmt *decl) {
    // A variable declared inside a parallel region belongs to each thread, unless it is
    // static: one object for the whole program.
    if (int32_t scope = currentOmp(); scope >= 0)
      for (const clang::Decl *d : decl->decls())
        if (const auto *var = llvm::dyn_cast<clang::VarDecl>(d); var && var->hasLocalStorage())
          shape.ompScopes[scope].privates.insert(var);
    return true;
  }

  bool VisitCXXConstructExpr(clang::CXXConstructExpr *construct) {
    for (const clang::Expr *arg : construct->arguments())
      noteArgument(arg);
    return true;
  }

  /// Remembers an argument and what it wraps (`&f`, a temporary, a conversion).
  void noteArgument(const clang::Expr *arg) {
    for (const clang::Expr *e = arg; e;) {
      shape.callArguments.insert(e);
      if (const auto *cast = llvm::dyn_cast<clang::CastExpr>(e))
        e = cast->getSubExpr();
      else if (const auto *paren = llvm::dyn_cast<clang::ParenExpr>(e))
        e = paren->getSubExpr();
      else if (const auto *temp = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e))
        e = temp->getSubExpr();
      else if (const auto *bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e))
        e = bind->getSubExpr();
      else if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e); unary && unary->getOpcode() == clang::UO_AddrOf)
        e = unary->getSubExpr();
      else if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(e); construct && construct->getNumArgs() == 1)
        e = construct->getArg(0);
      else
        e = nullptr;
    }
  }

  bool VisitUnaryOperator(clang::UnaryOperator *op) {
    if (op->getOpcode() == clang::UO_AddrOf)
      if (const clang::VarDecl *var = localVar(op->getSubExpr()))
        shape.escapingLocals.insert(var);
    if (op->isIncrementDecrementOp())
      if (const clang::VarDecl *var = localVar(op->getSubExpr()))
        stored(var, nullptr);
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator *op) {
    if (op->isAssignmentOp())
      if (const clang::VarDecl *var = localVar(op->getLHS()))
        stored(var, op->getOpcode() == clang::BO_Assign ? op->getRHS() : nullptr);
    // Comparisons are work too (a partition, a search), except in a loop's own condition.
    bool comparison = op->isComparisonOp() && conditionDepth == 0;
    if ((op->isMultiplicativeOp() || op->isAdditiveOp() || op->isShiftOp() || op->isBitwiseOp() ||
         op->isCompoundAssignmentOp() || comparison) &&
        !op->getType()->isPointerType()) {
      uint32_t depth = std::min<uint32_t>(shape.depthOf(currentLoop()), 4);
      shape.arithmetic += 1u << depth;
      if (int32_t loop = currentLoop(); loop >= 0)
        ++shape.loops[loop].arithmetic;
    }
    return true;
  }

  bool VisitCallExpr(clang::CallExpr *call) {
    if (const clang::Expr *calleeExpr = call->getCallee())
      shape.directCallees.insert(calleeExpr->IgnoreParenImpCasts());
    for (const clang::Expr *arg : call->arguments())
      noteArgument(arg);
    // `job.start()` hands `this` to a method of the project's, which may keep it (a thread it
    // starts on `this`): the object may be shared from here on.
    if (const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call))
      if (const clang::CXXMethodDecl *method = member->getMethodDecl();
          method && !method->isConst() && !ctx.getSourceManager().isInSystemHeader(method->getLocation()))
        if (const clang::VarDecl *var = localVar(member->getImplicitObjectArgument()))
          shape.escapingLocals.insert(var);
    const clang::FunctionDecl *callee = call->getDirectCallee();
    for (unsigned i = 0; i < call->getNumArgs(); ++i) {
      const clang::VarDecl *var = localVar(call->getArg(i));
      if (!var)
        continue;
      bool byReference = var->getType()->isArrayType();
      if (callee && i < callee->getNumParams()) {
        clang::QualType param = callee->getParamDecl(i)->getType();
        byReference |= param->isReferenceType() && !param.getNonReferenceType().isConstQualified();
      }
      llvm::StringRef name = callee ? callee->getName() : "";
      byReference |= name == "ref" || name == "cref";
      if (byReference)
        shape.escapingLocals.insert(var);
    }
    return true;
  }

  BodyShape &shape;

private:
  /// A loop's condition runs every iteration (its calls are in the loop) but is not its work.
  void condition(clang::Stmt *cond) {
    if (!cond)
      return;
    ++conditionDepth;
    TraverseStmt(cond);
    --conditionDepth;
  }

  void stored(const clang::VarDecl *var, const clang::Expr *value) {
    shape.localStores[var].push_back(value);
    if (currentRegion() >= 0)
      shape.changedInRegions.insert(var);
  }

  int32_t currentLoop() const { return loopStack.empty() ? -1 : loopStack.back(); }
  int32_t currentOmp() const { return ompStack.empty() ? -1 : ompStack.back(); }
  int32_t currentRegion() const { return ompStack.empty() ? -1 : shape.ompScopes[ompStack.back()].region; }

  /// A taskwait (possibly with dependences) or a taskgroup, in the code of task `task`.
  struct TaskSync {
    uint32_t at = 0;
    uint32_t end = 0; // a taskgroup's end
    int32_t task = -1;
    std::vector<OmpDepend> depends;
    bool group = false;
  };

  /// The explicit task whose body the walk is in, -1 in the implicit task.
  int32_t innermostTask() const {
    for (auto it = ompStack.rbegin(); it != ompStack.rend(); ++it)
      if (shape.ompScopes[*it].task >= 0)
        return shape.ompScopes[*it].task;
    return -1;
  }

  uint32_t endOf(const clang::OMPExecutableDirective *d) const {
    const clang::Stmt *body = d->hasAssociatedStmt() ? d->getAssociatedStmt() : nullptr;
    return locs.make(body ? body->getEndLoc() : d->getEndLoc()).offset;
  }

  std::vector<OmpDepend> dependsOf(const clang::OMPExecutableDirective *d) const {
    std::vector<OmpDepend> depends;
    for (const auto *clause : d->getClausesOfKind<clang::OMPDependClause>()) {
      DependType type;
      switch (clause->getDependencyKind()) {
      case clang::OMPC_DEPEND_in:
        type = DependType::In;
        break;
      case clang::OMPC_DEPEND_out:
      case clang::OMPC_DEPEND_inout:
        type = DependType::Out;
        break;
      case clang::OMPC_DEPEND_mutexinoutset:
        type = DependType::MutexInOutSet;
        break;
      case clang::OMPC_DEPEND_inoutset:
        type = DependType::InOutSet;
        break;
      default:
        continue; // depobj, source, sink: not an ordering between sibling tasks
      }
      for (const clang::Expr *item : clause->varlists()) {
        OmpDepend depend;
        depend.type = type;
        const clang::Expr *e = item->IgnoreParenImpCasts();
        if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
          depend.object = usrOf(ref->getDecl());
        } else if (const auto *element = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
          const auto *base = llvm::dyn_cast<clang::DeclRefExpr>(element->getBase()->IgnoreParenImpCasts());
          std::string index = sourceText(element->getIdx()->getSourceRange(), ctx.getSourceManager(), ctx.getLangOpts());
          depend.object = (base ? usrOf(base->getDecl()) : std::string("?")) + "[" + index + "]";
          depend.perInstance = !constant(element->getIdx());
        } else {
          depend.object = sourceText(item->getSourceRange(), ctx.getSourceManager(), ctx.getLangOpts());
          depend.perInstance = true;
        }
        depends.push_back(std::move(depend));
      }
    }
    return depends;
  }

  /// A `task` or `taskloop` directive: an OmpTask whose order is found at the end of the walk.
  int32_t openTask(const clang::OMPExecutableDirective *d) {
    OmpTask task;
    task.loc = locs.make(d->getBeginLoc());
    task.parent = innermostTask();
    task.taskloop = clang::isOpenMPTaskLoopDirective(d->getDirectiveKind());
    uint32_t creatorBegin = task.parent >= 0 ? shape.tasks[task.parent].loc.offset : 0;
    if (int32_t loop = currentLoop(); loop >= 0 && shape.loops[loop].loc.offset >= creatorBegin)
      task.loop = loop; // a loop of the creator's own code
    task.depends = dependsOf(d);
    // `if(0)`: the creator runs it at once and waits for it (an undeferred task).
    for (const auto *clause : d->getClausesOfKind<clang::OMPIfClause>())
      if (std::optional<int64_t> value = constant(clause->getCondition()); value && *value == 0)
        undeferred.insert(int32_t(shape.tasks.size()));
    if (task.taskloop && !d->getSingleClause<clang::OMPNogroupClause>())
      undeferred.insert(int32_t(shape.tasks.size())); // its implicit taskgroup waits for it
    shape.tasks.push_back(std::move(task));
    shape.taskDirectives.push_back(d);
    return int32_t(shape.tasks.size() - 1);
  }

  /// Whether the dependences of a later task or wait order it after an earlier task.
  static bool dependsOrder(const std::vector<OmpDepend> &earlier, const std::vector<OmpDepend> &later) {
    for (const OmpDepend &a : earlier)
      for (const OmpDepend &b : later)
        if (a.object == b.object && dependencesOrder(a.type, b.type))
          return true;
    return false;
  }

public:
  /// When each task has finished, in its creator's code: the first taskwait after it, a
  /// taskgroup around it, a later wait or undeferred task that depends on it, or its own end
  /// when the creator waits for it at once.
  void orderTasks() {
    for (size_t t = 0; t < shape.tasks.size(); ++t) {
      OmpTask &task = shape.tasks[t];
      auto done = [&](uint32_t at) { task.completedAt = std::min(task.completedAt, at); };
      if (undeferred.contains(int32_t(t))) {
        done(task.end);
        if (task.taskloop)
          task.groupEnd = task.end;
      }
      for (const TaskSync &sync : syncs) {
        if (sync.task != task.parent)
          continue;
        if (sync.group && sync.at <= task.loc.offset && task.end <= sync.end) {
          task.groupEnd = std::min(task.groupEnd, sync.end);
          done(sync.end);
        } else if (!sync.group && sync.at > task.end && (sync.depends.empty() || dependsOrder(task.depends, sync.depends))) {
          done(sync.at);
        }
      }
      for (size_t u = 0; u < shape.tasks.size(); ++u) {
        const OmpTask &other = shape.tasks[u];
        if (undeferred.contains(int32_t(u)) && other.parent == task.parent && other.loc.offset > task.end &&
            dependsOrder(task.depends, other.depends))
          done(other.end);
      }
      task.completedInIteration = task.loop >= 0 && task.completedAt >= shape.loops[task.loop].loc.offset &&
                                  task.completedAt <= shape.loopEnds[task.loop];
    }
  }

  void findTeamPointers() {
    for (const clang::VarDecl *var : pointersInRegions)
      if (!shape.changedInRegions.contains(var) && !shape.escapingLocals.contains(var))
        shape.teamPointers.insert(var);
  }

private:
  /// A block that thread `thread` of the current region runs alone (no barrier at its end).
  void openThreadBlock(int64_t thread) {
    OmpScope scope;
    scope.kind = OmpScope::Single;
    scope.parent = currentOmp();
    scope.region = currentRegion();
    scope.thread = thread;
    shape.ompScopes.push_back(std::move(scope));
    int32_t id = int32_t(shape.ompScopes.size() - 1);
    shape.threadBlocks.emplace(std::make_pair(shape.ompScopes[id].region, thread), id);
    ompStack.push_back(id);
  }

  static OmpScope::Kind kindOf(const clang::OMPExecutableDirective *d) {
    using K = OmpScope::Kind;
    llvm::omp::Directive kind = d->getDirectiveKind();
    switch (kind) {
    case llvm::omp::OMPD_single:
    case llvm::omp::OMPD_master:
    case llvm::omp::OMPD_masked:
    case llvm::omp::OMPD_section: // each section runs once, on one thread
      return K::Single;
    case llvm::omp::OMPD_critical:
      return K::Critical;
    case llvm::omp::OMPD_atomic:
      return K::Atomic;
    case llvm::omp::OMPD_ordered:
      return K::Ordered;
    case llvm::omp::OMPD_task:
      return K::Task;
    default:
      break;
    }
    // Combined directives first: `target teams distribute parallel for simd` starts a team.
    if (clang::isOpenMPParallelDirective(kind) || clang::isOpenMPTeamsDirective(kind))
      return K::Parallel;
    if (clang::isOpenMPWorksharingDirective(kind) || clang::isOpenMPDistributeDirective(kind) ||
        clang::isOpenMPTaskLoopDirective(kind) || kind == llvm::omp::OMPD_loop)
      return K::Worksharing;
    return K::Other;
  }

  /// How many nested loops a loop directive covers: the larger of collapse(n) and ordered(n).
  unsigned associatedLoops(const clang::OMPExecutableDirective *d) const {
    unsigned loops = 1;
    for (const clang::OMPClause *clause : d->clauses()) {
      const clang::Expr *count = nullptr;
      if (const auto *collapse = llvm::dyn_cast_or_null<clang::OMPCollapseClause>(clause))
        count = collapse->getNumForLoops();
      else if (const auto *ordered = llvm::dyn_cast_or_null<clang::OMPOrderedClause>(clause))
        count = ordered->getNumForLoops();
      if (std::optional<int64_t> n = constant(count); n && *n > 0)
        loops = std::max(loops, unsigned(*n));
    }
    return loops;
  }

  static bool hasWorksharingLoop(const clang::OMPExecutableDirective *d) {
    return llvm::isa<clang::OMPLoopDirective>(d) && d->getDirectiveKind() != llvm::omp::OMPD_simd;
  }

  /// A `teams` construct that may make more than one team: a league, whose teams share no
  /// barrier, critical section or lock.
  bool startsLeague(const clang::OMPExecutableDirective *d) const {
    if (!clang::isOpenMPTeamsDirective(d->getDirectiveKind()))
      return false;
    const auto *teams = d->getSingleClause<clang::OMPNumTeamsClause>();
    return !teams || constant(teams->getNumTeams()) != 1;
  }

  /// Loops the same threads divide the same way: a schedule(static) loop with the same header
  /// and chunk as an earlier one of the region gives each thread the same iterations.
  int32_t iterationSpace(const clang::OMPExecutableDirective *d, int32_t region, int32_t self) {
    const auto *schedule = d->getSingleClause<clang::OMPScheduleClause>();
    const auto *loopDirective = llvm::dyn_cast<clang::OMPLoopDirective>(d);
    if (!schedule || schedule->getScheduleKind() != clang::OMPC_SCHEDULE_static || !loopDirective)
      return self;
    const auto *loop = llvm::dyn_cast<clang::ForStmt>(loopDirective->getInnermostCapturedStmt()->getCapturedStmt()->IgnoreContainers());
    if (!loop)
      return self;
    auto text = [&](const clang::Stmt *part) {
      return part ? sourceText(part->getSourceRange(), ctx.getSourceManager(), ctx.getLangOpts()) : std::string();
    };
    std::string key = std::to_string(region) + "|" + llvm::omp::getOpenMPDirectiveName(d->getDirectiveKind()).str() + "|" +
                      text(schedule->getChunkSize()) + "|" + text(loop->getInit()) + ";" + text(loop->getCond()) + ";" +
                      text(loop->getInc());
    return staticSchedules.emplace(key, self).first->second;
  }

  int32_t openOmpScope(const clang::OMPExecutableDirective *d) {
    OmpScope scope;
    scope.kind = kindOf(d);
    scope.parent = currentOmp();
    scope.region = scope.parent >= 0 ? shape.ompScopes[scope.parent].region : -1;
    bool startsRegion = scope.region < 0 && scope.kind == OmpScope::Parallel;
    if (startsRegion) {
      scope.region = int32_t(shape.ompRegions.size());
      shape.ompRegions.push_back(OmpRegion{locs.make(d->getBeginLoc()),
                                           llvm::omp::getOpenMPDirectiveName(d->getDirectiveKind()).str(),
                                           startsLeague(d)});
      regionPhase.push_back(0);
    }
    scope.distributed = clang::isOpenMPDistributeDirective(d->getDirectiveKind());
    if (const auto *critical = llvm::dyn_cast<clang::OMPCriticalDirective>(d))
      scope.name = critical->getDirectiveName().getAsString();
    if (d->getDirectiveKind() == llvm::omp::OMPD_master)
      scope.thread = 0;
    if (d->getDirectiveKind() == llvm::omp::OMPD_masked) {
      scope.thread = 0;
      if (const auto *filter = d->getSingleClause<clang::OMPFilterClause>())
        scope.thread = constant(filter->getThreadID()).value_or(-1);
    }
    for (const clang::OMPClause *clause : d->clauses()) {
      if (!clause)
        continue;
      if (clause->getClauseKind() == llvm::omp::OMPC_nowait)
        nowait.insert(d);
      auto addVars = [&](auto *list) {
        for (const clang::Expr *e : list->varlists())
          if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts()))
            scope.privates.insert(ref->getDecl());
      };
      if (const auto *c = llvm::dyn_cast<clang::OMPPrivateClause>(clause)) addVars(c);
      if (const auto *c = llvm::dyn_cast<clang::OMPFirstprivateClause>(clause)) addVars(c);
      if (const auto *c = llvm::dyn_cast<clang::OMPLastprivateClause>(clause)) addVars(c);
      if (const auto *c = llvm::dyn_cast<clang::OMPReductionClause>(clause)) addVars(c);
      if (const auto *c = llvm::dyn_cast<clang::OMPLinearClause>(clause)) {
        addVars(c);
        for (const clang::Expr *e : c->varlists()) // a linear variable steps with the iterations
          if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts()))
            shape.linearVariables.insert(ref->getDecl());
      }
      if (const auto *c = llvm::dyn_cast<clang::OMPCopyprivateClause>(clause)) addVars(c);
    }
    // A loop directive's iteration variables are private: one per associated loop, and
    // collapse(n) or ordered(n) associates n nested loops.
    if (const auto *loopDirective = llvm::dyn_cast<clang::OMPLoopDirective>(d)) {
      for (const clang::Expr *counter : loopDirective->counters())
        if (const auto *ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(counter ? counter->IgnoreParenImpCasts() : nullptr))
          scope.privates.insert(ref->getDecl());
      const clang::Stmt *loop = loopDirective->getInnermostCapturedStmt()->getCapturedStmt();
      for (unsigned level = associatedLoops(d); loop && level > 0; --level) {
        const auto *forStmt = llvm::dyn_cast<clang::ForStmt>(loop->IgnoreContainers());
        if (!forStmt)
          break;
        if (const clang::VarDecl *counter = inductionOf(forStmt))
          scope.privates.insert(counter);
        loop = clang::OMPLoopBasedDirective::tryToFindNextInnerLoop(const_cast<clang::Stmt *>(forStmt->getBody()),
                                                                     /*TryImperfectlyNestedLoops=*/true);
      }
    }
    if (scope.thread >= 0)
      shape.threadBlocks.emplace(std::make_pair(scope.region, scope.thread), int32_t(shape.ompScopes.size()));
    if (scope.kind == OmpScope::Task || clang::isOpenMPTaskLoopDirective(d->getDirectiveKind()))
      scope.task = openTask(d);
    int32_t id = int32_t(shape.ompScopes.size());
    if (hasWorksharingLoop(d))
      scope.iterations = iterationSpace(d, scope.region, id);
    shape.ompScopes.push_back(std::move(scope));
    ompStack.push_back(id);
    pendingLoopFor = hasWorksharingLoop(d) ? id : -1;
    return int32_t(shape.ompScopes.size() - 1);
  }

  void closeOmpScope(int32_t scope, const clang::OMPExecutableDirective *d) {
    ompStack.pop_back();
    const OmpScope &s = shape.ompScopes[scope];
    // `distribute` ends without a barrier: its teams have none in common; a taskloop ends with a
    // taskgroup, which waits for its tasks only.
    bool implicitBarrier = (s.kind == OmpScope::Worksharing || d->getDirectiveKind() == llvm::omp::OMPD_single) &&
                           !s.distributed && s.task < 0 && !nowait.contains(d);
    bool explicitBarrier = d->getDirectiveKind() == llvm::omp::OMPD_barrier;
    if (s.task >= 0)
      shape.tasks[s.task].end = endOf(d);
    if (d->getDirectiveKind() == llvm::omp::OMPD_taskwait)
      syncs.push_back(TaskSync{locs.make(d->getBeginLoc()).offset, 0, innermostTask(), dependsOf(d), false});
    if (d->getDirectiveKind() == llvm::omp::OMPD_taskgroup)
      syncs.push_back(TaskSync{locs.make(d->getBeginLoc()).offset, endOf(d), innermostTask(), {}, true});
    int32_t region = s.region >= 0 ? s.region : (currentOmp() >= 0 ? shape.ompScopes[currentOmp()].region : -1);
    if ((implicitBarrier || explicitBarrier) && region >= 0 && size_t(region) < regionPhase.size())
      ++regionPhase[region];
  }

  void record(const clang::Stmt *s) {
    ++shape.statements;
    if (int32_t scope = currentOmp(); scope >= 0) {
      shape.innermostOmp[s] = scope;
      if (int32_t region = shape.ompScopes[scope].region; region >= 0)
        shape.ompPhase[s] = regionPhase[region];
    }
    if (int32_t loop = currentLoop(); loop >= 0)
      shape.innermostLoop[s] = loop;
    if (errorDepth > 0)
      shape.onErrorPath.insert(s);
  }

  /// Whether `s` (inside `loop`) writes a local declared before the loop, other than the
  /// induction variable: a value one iteration may hand to the next.
  bool writesOuterLocal(const clang::Stmt *s, const clang::Stmt *loop, const clang::VarDecl *induction) const {
    if (!s || llvm::isa<clang::LambdaExpr>(s))
      return false;
    const clang::Expr *written = nullptr;
    if (const auto *binary = llvm::dyn_cast<clang::BinaryOperator>(s); binary && binary->isAssignmentOp())
      written = binary->getLHS();
    else if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(s); unary && unary->isIncrementDecrementOp())
      written = unary->getSubExpr();
    else if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(s);
             op && op->isAssignmentOp() && op->getNumArgs() == 2)
      written = op->getArg(0);
    if (written) {
      const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(written->IgnoreParenImpCasts());
      const auto *var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
      if (var && var != induction && var->hasLocalStorage() &&
          ctx.getSourceManager().isBeforeInTranslationUnit(var->getLocation(), loop->getBeginLoc()))
        return true;
    }
    for (const clang::Stmt *child : s->children())
      if (writesOuterLocal(child, loop, induction))
        return true;
    return false;
  }

  template <typename Body>
  bool inLoop(clang::Stmt *s, const char *kind, const clang::VarDecl *induction, int64_t trips,
              Body body) {
    record(s);
    Loop loop;
    loop.loc = locs.make(s->getBeginLoc());
    loop.parent = currentLoop();
    loop.depth = shape.depthOf(loop.parent) + 1;
    loop.kind = kind;
    loop.tripCount = trips;
    shape.maxLoopDepth = std::max(shape.maxLoopDepth, loop.depth);
    loop.boundedByCores = mentionsCoreCount(s);
    loop.carriesLocal = writesOuterLocal(s, s, induction);
    shape.loops.push_back(loop);
    shape.inductionVariable.push_back(induction);
    if (pendingLoopFor >= 0) { // the loop a worksharing directive divides between threads
      shape.ompScopes[pendingLoopFor].loop = int32_t(shape.loops.size() - 1);
      pendingLoopFor = -1;
    }
    shape.loopEnds.push_back(locs.make(s->getEndLoc()).offset);
    loopStack.push_back(int32_t(shape.loops.size() - 1));
    body();
    loopStack.pop_back();
    return true;
  }

  /// `for (i = 0; i < std::thread::hardware_concurrency(); ++i)`: one thread per core.
  bool mentionsCoreCount(const clang::Stmt *loop) const {
    const clang::Stmt *cond = nullptr;
    if (const auto *f = llvm::dyn_cast<clang::ForStmt>(loop))
      cond = f->getCond();
    else if (const auto *w = llvm::dyn_cast<clang::WhileStmt>(loop))
      cond = w->getCond();
    if (!cond)
      return false;
    auto namesCores = [](const std::string &text, bool byName) {
      for (const char *word : {"hardware_concurrency", "get_nprocs", "nprocs", "_SC_NPROCESSORS"})
        if (text.find(word) != std::string::npos)
          return true;
      return byName && (text.find("nproc") != std::string::npos || text.find("cores") != std::string::npos ||
                        text.find("num_threads") != std::string::npos);
    };
    if (namesCores(sourceText(cond->getSourceRange(), ctx.getSourceManager(), ctx.getLangOpts()), true))
      return true;
    // `i < n` where n was set from the core count earlier is common too.
    if (const auto *bin = llvm::dyn_cast<clang::BinaryOperator>(cond))
      if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(bin->getRHS()->IgnoreParenImpCasts()))
        if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->getInit())
          return namesCores(sourceText(var->getInit()->getSourceRange(), ctx.getSourceManager(), ctx.getLangOpts()),
                            false);
    return false;
  }

  static const clang::VarDecl *inductionOf(const clang::ForStmt *s) {
    if (const auto *decl = llvm::dyn_cast_or_null<clang::DeclStmt>(s->getInit()))
      if (decl->isSingleDecl())
        return llvm::dyn_cast<clang::VarDecl>(decl->getSingleDecl());
    // `for (i = 0; …)`: the counter may be any variable, a global too (an OpenMP loop makes
    // it private whatever its storage).
    if (const auto *assign = llvm::dyn_cast_or_null<clang::BinaryOperator>(s->getInit()))
      if (assign->isAssignmentOp())
        if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(assign->getLHS()->IgnoreParenImpCasts()))
          return llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    return nullptr;
  }

  std::optional<int64_t> constant(const clang::Expr *e) const {
    clang::Expr::EvalResult result;
    if (e && !e->isValueDependent() && e->EvaluateAsInt(result, ctx))
      return result.Val.getInt().getExtValue();
    return std::nullopt;
  }

  /// `while (v >= 1024 && u < 3) { …; ++u; }`: a conjunct that bounds a counter the body steps
  /// up from a constant caps the loop at that many trips; -1 when none does.
  int64_t cappedTrips(const clang::Expr *cond, const clang::Stmt *body) const {
    if (!cond)
      return -1;
    cond = cond->IgnoreParenImpCasts();
    const auto *bin = llvm::dyn_cast<clang::BinaryOperator>(cond);
    if (!bin)
      return -1;
    if (bin->getOpcode() == clang::BO_LAnd) {
      int64_t left = cappedTrips(bin->getLHS(), body), right = cappedTrips(bin->getRHS(), body);
      return left < 0 ? right : right < 0 ? left : std::min(left, right);
    }
    const clang::VarDecl *counter = localVar(bin->getLHS());
    if (!counter || !counter->getInit() || !stepsUp(body, counter))
      return -1;
    return tripsUpTo(constant(counter->getInit()), bin);
  }

  /// How many times `counter < end` (or `!=`, `<=`) holds counting up by one from `start`; -1
  /// when either bound is unknown or the comparison is another.
  int64_t tripsUpTo(std::optional<int64_t> start, const clang::BinaryOperator *cond) const {
    std::optional<int64_t> end = constant(cond->getRHS());
    if (!start || !end)
      return -1;
    switch (cond->getOpcode()) {
    case clang::BO_LT:
    case clang::BO_NE:
      return std::max<int64_t>(0, *end - *start);
    case clang::BO_LE:
      return std::max<int64_t>(0, *end - *start + 1);
    default:
      return -1;
    }
  }

  /// Whether `s` increments `var` (`++u`, `u++`, `u += 1`) and never assigns it otherwise.
  static bool stepsUp(const clang::Stmt *s, const clang::VarDecl *var) {
    bool up = false, other = false;
    std::function<void(const clang::Stmt *)> walk = [&](const clang::Stmt *x) {
      if (!x)
        return;
      if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(x); unary && localVar(unary->getSubExpr()) == var)
        (unary->isIncrementOp() ? up : other) = true;
      if (const auto *assign = llvm::dyn_cast<clang::CompoundAssignOperator>(x);
          assign && localVar(assign->getLHS()) == var)
        (assign->getOpcode() == clang::BO_AddAssign ? up : other) = true;
      else if (const auto *plain = llvm::dyn_cast<clang::BinaryOperator>(x);
               plain && plain->getOpcode() == clang::BO_Assign && localVar(plain->getLHS()) == var)
        other = true;
      for (const clang::Stmt *child : x->children())
        walk(child);
    };
    walk(s);
    return up && !other;
  }

  int64_t tripCountOf(const clang::ForStmt *s) const {
    const clang::VarDecl *var = inductionOf(s);
    const auto *cond = llvm::dyn_cast_or_null<clang::BinaryOperator>(
        s->getCond() ? s->getCond()->IgnoreParenImpCasts() : nullptr);
    if (!var || !cond || localVar(cond->getLHS()) != var)
      return -1;
    std::optional<int64_t> start = var->getInit() ? constant(var->getInit()) : std::nullopt;
    if (!start)
      if (const auto *assign = llvm::dyn_cast_or_null<clang::BinaryOperator>(s->getInit()))
        start = constant(assign->getRHS());
    return tripsUpTo(start, cond);
  }

  int64_t rangeTripCount(const clang::CXXForRangeStmt *s) const {
    const clang::Expr *range = s->getRangeInit();
    if (!range)
      return -1;
    if (const auto *array = ctx.getAsConstantArrayType(range->IgnoreParenImpCasts()->getType()))
      return int64_t(array->getSize().getZExtValue());
    if (const auto *list = llvm::dyn_cast<clang::InitListExpr>(range->IgnoreParenImpCasts()))
      return list->getNumInits();
    if (const auto *list = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(range->IgnoreImplicit()))
      if (const auto *array = ctx.getAsConstantArrayType(list->getSubExpr()->IgnoreImplicit()->getType()))
        return int64_t(array->getSize().getZExtValue());
    return -1;
  }

  clang::ASTContext &ctx;
  LocMaker &locs;
  std::vector<int32_t> loopStack;
  int errorDepth = 0;
  int conditionDepth = 0;
  std::vector<int32_t> ompStack;
  std::vector<uint32_t> regionPhase;
  llvm::DenseSet<const clang::OMPExecutableDirective *> nowait;
  std::map<std::string, int32_t> staticSchedules; // iterationSpace()'s key -> the first such loop
  std::vector<TaskSync> syncs;
  llvm::DenseSet<int32_t> undeferred; // tasks their creator waits for at once
  int32_t pendingLoopFor = -1;
  llvm::DenseSet<const clang::VarDecl *> pointersInRegions;
};

} // namespace

BodyShape analyzeBodyShape(const clang::Stmt *body, clang::ASTContext &ctx, LocMaker &locs) {
  BodyShape shape;
  ShapeVisitor visitor(shape, ctx, locs);
  visitor.TraverseStmt(const_cast<clang::Stmt *>(body));
  visitor.orderTasks();
  visitor.findTeamPointers();
  return shape;
}

} // namespace concur
