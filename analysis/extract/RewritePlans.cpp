#include "RewritePlans.h"

#include "AstQueries.h"
#include "Includes.h"
#include "JoinAllStatements.h"
#include "LocMaker.h"
#include "Names.h"
#include "ProcessPoolPlan.h"
#include "SourceText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "fmt/format.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace concur {
namespace {

/// How a thread's or task's handle is held, and so what the rewrite does to it.
enum class Handle : uint8_t { Thread, Future, Pthread };

bool isPthreadType(clang::QualType type) {
  for (const clang::TypedefType *t = type->getAs<clang::TypedefType>(); t;
       t = t->desugar()->getAs<clang::TypedefType>())
    if (t->getDecl()->getName() == "pthread_t")
      return true;
  return false;
}

bool isNamedCall(const clang::Expr *e, llvm::StringRef name) {
  const auto *call = llvm::dyn_cast<clang::CallExpr>(e);
  const clang::FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  return callee && callee->getDeclName().isIdentifier() && callee->getName() == name &&
         callee->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

struct SpawnNode {
  uint32_t spawn = 0;
  const clang::Expr *node = nullptr;     // the emplace call, the thread's construction, the std::async call
  const clang::Expr *callable = nullptr; // what runs
  const clang::Stmt *statement = nullptr; // the full statement the spawn is in
  Handle handle = Handle::Thread;
  const clang::VarDecl *holder = nullptr; // the variable that keeps the handle, if any
  bool declaresHolder = false;            // `std::thread t(f);`: the spawn is the holder's declaration
};

/// Every thread construction, emplace into a container of threads and std::async call of a body.
class SpawnExprCollector : public clang::RecursiveASTVisitor<SpawnExprCollector> {
public:
  bool shouldVisitLambdaBody() const { return false; } // a lambda's spawns are its own function's
  bool VisitExpr(clang::Expr *e) {
    if (isThreadStart(e))
      candidates.push_back(e);
    return true;
  }
  bool VisitCallExpr(clang::CallExpr *call) {
    if (const clang::FunctionDecl *callee = call->getDirectCallee();
        callee && callee->isInStdNamespace() && callee->getName() == "async")
      candidates.push_back(call);
    if (isNamedCall(call, "pthread_create") && call->getNumArgs() == 4)
      candidates.push_back(call);
    return true;
  }
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    refs.push_back(ref);
    return true;
  }
  bool VisitCXXForRangeStmt(clang::CXXForRangeStmt *loop) {
    rangeLoops.push_back(loop);
    return true;
  }
  std::vector<const clang::Expr *> candidates;
  std::vector<const clang::DeclRefExpr *> refs;
  std::vector<const clang::CXXForRangeStmt *> rangeLoops;
};

/// The declared type's pieces that name std::thread or std::future, to be renamed.
class HandleTypeEdits : public clang::RecursiveASTVisitor<HandleTypeEdits> {
public:
  HandleTypeEdits(const clang::SourceManager &sm, const clang::LangOptions &lang, std::string threadReplacement)
      : sm(sm), lang(lang), threadReplacement(std::move(threadReplacement)) {}

  bool TraverseElaboratedTypeLoc(clang::ElaboratedTypeLoc tl) {
    if (named(tl.getNamedTypeLoc(), tl.getBeginLoc()))
      return true;
    return RecursiveASTVisitor::TraverseElaboratedTypeLoc(tl);
  }
  bool TraverseTypedefTypeLoc(clang::TypedefTypeLoc tl) {
    if (tl.getTypedefNameDecl()->getName() == "pthread_t")
      add(clang::CharSourceRange::getTokenRange(tl.getBeginLoc(), tl.getEndLoc()), threadReplacement);
    else if (holdsHandle(tl.getType().getCanonicalType()))
      alias = tl.getTypedefNameDecl()->getName().str();
    return true;
  }
  bool TraverseRecordTypeLoc(clang::RecordTypeLoc tl) {
    named(tl, tl.getBeginLoc());
    return true;
  }
  bool TraverseTemplateSpecializationTypeLoc(clang::TemplateSpecializationTypeLoc tl) {
    if (named(tl, tl.getBeginLoc()))
      return true;
    return RecursiveASTVisitor::TraverseTemplateSpecializationTypeLoc(tl);
  }

  std::vector<std::pair<clang::CharSourceRange, std::string>> edits;
  bool unwritable = false; // a handle type spelled inside a macro
  std::string alias;       // a typedef or using-alias whose type holds a handle (it stays as is)

private:
  /// Whether the canonical `type` is a thread or future type, or a template of one
  /// (`std::vector<std::future<int>>`).
  static bool holdsHandle(clang::QualType type) {
    if (isHandleType(type))
      return true;
    if (const auto *record = type->getAsCXXRecordDecl())
      if (const auto *spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record))
        for (const clang::TemplateArgument &arg : spec->getTemplateArgs().asArray())
          if (arg.getKind() == clang::TemplateArgument::Type && holdsHandle(arg.getAsType()))
            return true;
    return false;
  }

  /// Records the edit when `tl` (spelled from `begin`) names a handle type.
  bool named(clang::TypeLoc tl, clang::SourceLocation begin) {
    clang::QualType type = tl.getType();
    if (isThreadType(type)) {
      add(clang::CharSourceRange::getTokenRange(begin, tl.getEndLoc()), threadReplacement);
      return true;
    }
    if (auto spec = tl.getAs<clang::TemplateSpecializationTypeLoc>(); spec && isStdRecord(type, "future")) {
      // `std::future<T>` is an elaborated type around `future<T>`: rename the outer one only.
      if (renamedTemplateNames.insert(spec.getTemplateNameLoc()).second)
        add(clang::CharSourceRange::getTokenRange(begin, spec.getTemplateNameLoc()), "concur::future");
      return false; // the value type may hold more to rename
    }
    return false;
  }
  void add(clang::CharSourceRange range, std::string text) {
    if (range.getBegin().isMacroID() || range.getEnd().isMacroID() || text.empty())
      unwritable = true;
    else
      edits.emplace_back(range, std::move(text));
  }

  const clang::SourceManager &sm;
  const clang::LangOptions &lang;
  std::string threadReplacement;
  llvm::DenseSet<clang::SourceLocation> renamedTemplateNames;
};

/// Whether a statement's `;` lies after its last token: an expression, a `return`, or a
/// loop or `if` that ends with one. (A declaration's range ends at its `;`, a block's at `}`.)
/// Whether `e` is a statement of its own: in a block, or the body of a loop or a branch.
bool isExpressionStatement(const clang::Expr *e, clang::ASTContext &ctx) {
  clang::DynTypedNode node = clang::DynTypedNode::create(*e);
  const clang::Stmt *self = e;
  while (true) {
    auto parents = ctx.getParents(node);
    if (parents.empty())
      return false;
    const clang::Stmt *parent = parents[0].get<clang::Stmt>();
    if (const auto *wrapper = llvm::dyn_cast_or_null<clang::ExprWithCleanups>(parent)) {
      self = wrapper, node = parents[0];
      continue;
    }
    if (!parent)
      return false;
    if (llvm::isa<clang::CompoundStmt>(parent))
      return true;
    if (const auto *loop = llvm::dyn_cast<clang::ForStmt>(parent))
      return loop->getBody() == self;
    if (const auto *loop = llvm::dyn_cast<clang::CXXForRangeStmt>(parent))
      return loop->getBody() == self;
    if (const auto *loop = llvm::dyn_cast<clang::WhileStmt>(parent))
      return loop->getBody() == self;
    if (const auto *branch = llvm::dyn_cast<clang::IfStmt>(parent))
      return branch->getThen() == self || branch->getElse() == self;
    return false;
  }
}

/// Plans the rewrites of one function; see planRewrites.
class Planner {
public:
  Planner(const clang::FunctionDecl *fn, const Function &facts, clang::ASTContext &ctx, LocMaker &locs)
      : fn(fn), facts(facts), ctx(ctx), sm(ctx.getSourceManager()), lang(ctx.getLangOpts()), locs(locs) {}

  std::vector<Rewrite> plan() {
    std::vector<uint32_t> movable;
    for (uint32_t s = 0; s < facts.spawns.size(); ++s) {
      const Spawn &spawn = facts.spawns[s];
      if (!spawn.deferred && (spawn.kind == SpawnKind::Thread || spawn.kind == SpawnKind::Async ||
                              spawn.kind == SpawnKind::Pthread))
        movable.push_back(s);
    }
    if (movable.empty())
      return {};
    submit.spawns = movable;
    if (!lang.CPlusPlus)
      return blocked("C code: the runtime is a C++ library");
    if (!lang.CPlusPlus20)
      return blocked("the runtime needs C++20 and this file is compiled with an older standard");
    if (!sm.isInMainFile(sm.getExpansionLoc(fn->getLocation())))
      return blocked("the work is started in a header, which other files may include unchanged");
    collector.TraverseStmt(fn->getBody());
    for (const clang::CXXForRangeStmt *loop : collector.rangeLoops)
      if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(loop->getRangeInit()->IgnoreParenImpCasts()))
        rangeLoopOver[ref] = loop;
    pool = freeName();
    for (uint32_t s : movable)
      if (!placeSpawn(s))
        return blocked(reason);
    bool submits = true;
    for (const SpawnNode &node : nodes)
      submits = submits && (!node.holder || followHolder(node));
    submits = submits && placePool();
    std::string submitBlocker = reason;
    addInclude();
    // parallel_for stands on its own: it removes the joins the submit rewrite must follow.
    std::optional<Rewrite> loop = planParallelFor();
    std::optional<Rewrite> processes = submits ? planProcesses() : std::nullopt;
    std::vector<Rewrite> out = submits ? std::vector<Rewrite>{} : blocked(submitBlocker);
    if (submits) {
      submit.edits = std::move(edits);
      out.push_back(std::move(submit));
    }
    if (loop)
      out.push_back(std::move(*loop));
    if (processes)
      out.push_back(std::move(*processes));
    return out;
  }

private:
  /// The same threads on a process pool, for work that is not thread-safe (ProcessPoolPlan).
  std::optional<Rewrite> planProcesses() {
    if (std::optional<Rewrite> futures = planFutureProcesses())
      return futures;
    if (nodes.size() != 1 || nodes[0].handle != Handle::Thread || !nodes[0].holder)
      return std::nullopt;
    std::string why;
    std::optional<Rewrite> processes = planProcessPool(
        ProcessPoolSite{fn, nodes[0].node, nodes[0].holder, nodes[0].spawn, submit.poolAt, submit.indent, pool}, ctx,
        locs, why);
    if (!processes && !why.empty()) { // the shape fits, the work's types do not: say so
      processes.emplace();
      processes->target = RewriteTarget::ProcessPool;
      processes->spawns = {nodes[0].spawn};
      processes->blocker = why;
    }
    return processes;
  }

  /// `std::async(std::launch::async, f, args…)` futures of one free function the workers can
  /// run (ProcessPoolPlan's runsInWorker), its arguments copies: the submit rewrite on a
  /// concur::process_pool, with f registered.
  std::optional<Rewrite> planFutureProcesses() {
    const clang::FunctionDecl *work = nullptr;
    for (const SpawnNode &node : nodes) {
      const auto *ref = node.handle == Handle::Future
                            ? llvm::dyn_cast<clang::DeclRefExpr>(skipTemporaries(node.callable)->IgnoreParenImpCasts())
                            : nullptr;
      const auto *fn = ref ? llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()) : nullptr;
      const auto *call = llvm::dyn_cast<clang::CallExpr>(node.node);
      if (!fn || !call || (work && work != fn))
        return std::nullopt;
      for (const clang::Expr *arg : call->arguments())
        if (const auto *wrap = llvm::dyn_cast<clang::CallExpr>(skipTemporaries(arg)); wrap && isStdRef(wrap))
          return std::nullopt; // a reference into the caller's memory, which a worker cannot see
      work = fn;
    }
    if (!work || !runsInWorker(work, ctx))
      return std::nullopt;
    Rewrite rewrite = submit;
    rewrite.target = RewriteTarget::ProcessPool;
    rewrite.fanout.clear();
    rewrite.fanoutEdits.clear();
    for (const Edit &e : edits)
      if (!include || e.text != include->text || e.range.begin.offset != include->range.begin.offset)
        rewrite.edits.push_back(e);
    std::vector<Edit> registration = registerInWorkers(work, ctx, locs);
    rewrite.edits.insert(rewrite.edits.end(), registration.begin(), registration.end());
    return rewrite;
  }

  std::vector<Rewrite> blocked(std::string why) {
    submit.blocker = std::move(why);
    submit.edits.clear();
    return {submit};
  }
  bool fail(std::string why) {
    reason = std::move(why);
    return false;
  }
  unsigned lineOf(clang::SourceLocation loc) const { return sm.getExpansionLineNumber(loc); }

  // ---- edits -------------------------------------------------------------------------------

  bool writable(clang::SourceLocation a, clang::SourceLocation b) const {
    return a.isValid() && b.isValid() && a.isFileID() && b.isFileID() && sm.isInMainFile(a);
  }
  clang::SourceLocation endOfToken(clang::SourceLocation loc) const {
    return clang::Lexer::getLocForEndOfToken(loc, 0, sm, lang);
  }
  /// Replaces [begin, end) (end: a character position, not a token).
  Edit replace(clang::SourceLocation begin, clang::SourceLocation end, std::string text) {
    return Edit{locs.makeRange(begin, end), std::move(text)};
  }
  bool edit(clang::SourceLocation begin, clang::SourceLocation end, std::string text) {
    if (!writable(begin, end))
      return fail("the code to change is written inside a macro");
    edits.push_back(replace(begin, end, std::move(text)));
    return true;
  }
  std::string text(clang::SourceLocation begin, clang::SourceLocation end) const {
    return clang::Lexer::getSourceText(clang::CharSourceRange::getCharRange(begin, end), sm, lang).str();
  }
  std::string tokenText(clang::SourceRange range) const {
    return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(range), sm, lang).str();
  }

  // ---- the AST around a node ----------------------------------------------------------------

  clang::DynTypedNode parentOf(const clang::DynTypedNode &node) const { return concur::parentOf(ctx, node); }
  clang::DynTypedNode meaningfulParent(const clang::Expr *e) const { return concur::meaningfulParent(ctx, e); }
  /// The statements from `s` up to the function's body.
  std::vector<const clang::Stmt *> ancestors(const clang::Stmt *s) const {
    std::vector<const clang::Stmt *> chain;
    clang::DynTypedNode node = clang::DynTypedNode::create(*s);
    while (true) {
      if (const auto *stmt = node.get<clang::Stmt>()) {
        chain.push_back(stmt);
        if (stmt == fn->getBody())
          break;
      }
      node = parentOf(node);
      if (node.getNodeKind().isNone())
        break;
    }
    return chain;
  }
  /// The statement of a compound statement that `s` is in.
  const clang::Stmt *fullStatement(const clang::Stmt *s) const {
    std::vector<const clang::Stmt *> chain = ancestors(s);
    for (size_t i = 1; i < chain.size(); ++i)
      if (llvm::isa<clang::CompoundStmt>(chain[i]))
        return chain[i - 1];
    return nullptr;
  }
  const clang::VarDecl *localVariable(const clang::Expr *e) const {
    const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
    const auto *var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    return var && var->isLocalVarDecl() && var->getDeclContext() == fn ? var : nullptr;
  }
  /// `v[i]` (an array or a container): the variable.
  const clang::VarDecl *subscripted(const clang::Expr *e) const {
    e = e->IgnoreParenImpCasts();
    if (const auto *sub = llvm::dyn_cast<clang::ArraySubscriptExpr>(e))
      return localVariable(sub->getBase());
    if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(e);
        op && op->getOperator() == clang::OO_Subscript && op->getNumArgs() == 2)
      return localVariable(op->getArg(0));
    return nullptr;
  }

  // ---- the spawns ---------------------------------------------------------------------------

  const clang::Expr *nodeOf(const Spawn &spawn) const {
    for (const clang::Expr *e : collector.candidates) {
      Loc at = locs.make(e->getBeginLoc());
      if (at.file == spawn.loc.file && at.offset == spawn.loc.offset)
        return e;
    }
    // `std::thread(f)`: the construction sits inside the cast the spawn was recorded at.
    for (const clang::Expr *e : collector.candidates) {
      Loc begin = locs.make(e->getBeginLoc()), end = locs.make(e->getEndLoc());
      if (begin.file == spawn.loc.file && begin.offset <= spawn.loc.offset && spawn.loc.offset <= end.offset &&
          llvm::isa<clang::CXXConstructExpr>(e))
        return e;
    }
    return nullptr;
  }

  bool placeSpawn(uint32_t s) {
    const Spawn &spawn = facts.spawns[s];
    const clang::Expr *e = nodeOf(spawn);
    if (!e)
      return fail("concur could not find the spawn's expression again");
    SpawnNode node;
    node.spawn = s;
    node.node = e;
    node.statement = fullStatement(e);
    if (!node.statement)
      return fail("the work is started outside a block of statements");
    bool placed = false;
    if (const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e))
      placed = placeEmplace(call, node);
    else if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(e))
      placed = placeConstruction(construct, node);
    else if (isNamedCall(e, "pthread_create"))
      placed = placePthread(llvm::cast<clang::CallExpr>(e), node);
    else
      placed = placeAsync(llvm::cast<clang::CallExpr>(e), node);
    if (!placed)
      return false;
    if (isStdRecord(e->getType(), "jthread") || (node.holder && mentionsJthread(node.holder->getType())))
      if (const auto *record = node.callable ? skipTemporaries(node.callable)->getType()->getAsCXXRecordDecl() : nullptr)
        if (const auto *lambda = record->getLambdaCallOperator();
            lambda && lambda->getNumParams() > 0 && isStdRecord(lambda->getParamDecl(0)->getType(), "stop_token"))
          return fail("the jthread's work takes a std::stop_token");
    nodes.push_back(node);
    return true;
  }

  static bool mentionsJthread(clang::QualType type) {
    return type.getAsString().find("jthread") != std::string::npos;
  }

  /// `threads.emplace_back(f, args…)` -> `threads.emplace_back(pool.submit(f, args…))`.
  bool placeEmplace(const clang::CXXMemberCallExpr *call, SpawnNode &node) {
    node.callable = call->getArg(0);
    node.holder = localVariable(call->getImplicitObjectArgument());
    if (!node.holder)
      return fail(fmt::format("the threads are kept in '{}', which is not a local variable",
                              tokenText(call->getImplicitObjectArgument()->getSourceRange())));
    clang::SourceLocation last = endOfToken(call->getArg(call->getNumArgs() - 1)->getEndLoc());
    return edit(call->getArg(0)->getBeginLoc(), call->getArg(0)->getBeginLoc(), pool + ".submit(") &&
           edit(last, last, ")");
  }

  /// `std::thread(f, args…)` -> `pool.submit(f, args…)`, wherever the thread is kept.
  bool placeConstruction(const clang::CXXConstructExpr *construct, SpawnNode &node) {
    node.callable = construct->getArg(0);
    const clang::Expr *outer = construct;
    for (clang::DynTypedNode p = parentOf(clang::DynTypedNode::create(*construct));
         p.get<clang::CXXFunctionalCastExpr>(); p = parentOf(p))
      outer = p.get<clang::CXXFunctionalCastExpr>();
    clang::DynTypedNode parent = meaningfulParent(outer);
    if (const auto *var = parent.get<clang::VarDecl>()) {
      if (!var->isLocalVarDecl())
        return fail(fmt::format("the thread is kept in '{}', which is not a local variable", var->getName()));
      node.holder = var;
      if (skipTemporaries(var->getInit()) == construct && construct->getBeginLoc() != var->getTypeSpecStartLoc() &&
          !llvm::isa<clang::CXXTemporaryObjectExpr>(construct) && outer == construct) {
        // `std::thread t(f, args…);` -> `auto t = pool.submit(f, args…);`
        node.declaresHolder = true;
        const auto *statement = parentOf(clang::DynTypedNode::create(*var)).get<clang::DeclStmt>();
        if (!statement || !statement->isSingleDecl())
          return fail("several threads are declared in one statement");
        clang::SourceRange parens = construct->getParenOrBraceRange();
        if (parens.isInvalid())
          return fail("the thread's declaration has an unusual form");
        return edit(var->getTypeSpecStartLoc(), endOfToken(parens.getBegin()),
                    fmt::format("auto {} = {}.submit(", var->getName(), pool)) &&
               edit(parens.getEnd(), endOfToken(parens.getEnd()), ")");
      }
    } else if (const auto *call = parent.get<clang::CXXMemberCallExpr>()) {
      llvm::StringRef method = call->getMethodDecl() ? call->getMethodDecl()->getName() : "";
      if (method == "detach")
        return fail("the threads are detached: nothing waits for them where a pool would");
      if (method != "push_back" && !method.starts_with("emplace"))
        return fail(fmt::format("the thread is passed to '{}'", method));
      node.holder = localVariable(call->getImplicitObjectArgument());
      if (!node.holder)
        return fail(fmt::format("the threads are kept in '{}', which is not a local variable",
                                tokenText(call->getImplicitObjectArgument()->getSourceRange())));
    } else if (const auto *assign = parent.get<clang::CXXOperatorCallExpr>();
               assign && assign->getOperator() == clang::OO_Equal) {
      node.holder = subscripted(assign->getArg(0));
      if (!node.holder)
        node.holder = localVariable(assign->getArg(0));
      if (!node.holder)
        return fail("the thread is assigned to something that is not a local variable");
    } else if (const auto *member = parent.get<clang::MemberExpr>()) {
      // `std::thread(job, i).detach()`: called on the new thread itself.
      const auto *detach = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(
          parentOf(clang::DynTypedNode::create(*member)).get<clang::Expr>());
      if (member->getMemberDecl()->getName() == "detach" && detach) {
        const clang::Stmt *wait = latchWaitFor(node.callable, construct);
        if (!wait)
          return fail("the threads are detached: nothing waits for them where a pool would");
        uses.push_back(wait); // the pool lives until the tasks have counted down
        clang::SourceLocation last = endOfToken(construct->getArg(construct->getNumArgs() - 1)->getEndLoc());
        return edit(outer->getBeginLoc(), construct->getArg(0)->getBeginLoc(), pool + ".submit(") &&
               edit(last, endOfToken(detach->getEndLoc()), ")");
      }
      return fail(fmt::format("'{}' is called on the new thread", member->getMemberDecl()->getNameAsString()));
    } else {
      return fail("the thread object is used in a way the rewrite cannot follow");
    }
    clang::SourceLocation last = endOfToken(construct->getArg(construct->getNumArgs() - 1)->getEndLoc());
    return edit(outer->getBeginLoc(), construct->getArg(0)->getBeginLoc(), pool + ".submit(") &&
           edit(last, endOfToken(outer->getEndLoc()), ")");
  }

  /// `for (…) std::thread([&, i] { …; done.count_down(); }).detach();` then `done.wait();`:
  /// the wait after the loop, on a latch or barrier the thread's lambda counts down, is where
  /// every task has done its part. That wait's statement, or null.
  const clang::Stmt *latchWaitFor(const clang::Expr *callable, const clang::Expr *start) const {
    const auto *lambda = llvm::dyn_cast_or_null<clang::LambdaExpr>(callable ? skipTemporaries(callable) : nullptr);
    const clang::Stmt *loop = nullptr;
    for (const clang::Stmt *s : ancestors(start))
      if (llvm::isa<clang::ForStmt, clang::WhileStmt, clang::DoStmt, clang::CXXForRangeStmt>(s))
        loop = s;
    if (!lambda || !loop)
      return nullptr;
    unsigned loopEnd = sm.getFileOffset(sm.getExpansionLoc(loop->getEndLoc()));
    auto offsetOf = [&](const clang::Stmt *s) { return sm.getFileOffset(sm.getExpansionLoc(s->getBeginLoc())); };
    for (const HandOff &h : facts.handOffs) {
      if (h.role == HandOffRole::Signal || !h.rendezvous || h.loc.offset <= loopEnd)
        continue;
      auto names = [&](const clang::DeclRefExpr *ref) {
        const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
        return var && ("l:" + usrOf(var) == h.object || "g:" + usrOf(var) == h.object);
      };
      bool countedDown = std::any_of(collector.refs.begin(), collector.refs.end(), [&](const clang::DeclRefExpr *ref) {
        return names(ref) && llvm::is_contained(ancestors(ref), lambda->getBody());
      });
      if (!countedDown)
        continue;
      for (const clang::DeclRefExpr *ref : collector.refs)
        if (names(ref) && offsetOf(ref) > loopEnd && offsetOf(ref) <= h.loc.offset)
          return fullStatement(ref);
    }
    return nullptr;
  }

  /// `pthread_create(&t, nullptr, f, arg)` -> `t = pool.submit(f, arg)`.
  bool placePthread(const clang::CallExpr *call, SpawnNode &node) {
    node.handle = Handle::Pthread;
    node.callable = call->getArg(2);
    if (!call->getArg(1)->IgnoreParenImpCasts()->isNullPointerConstant(ctx, clang::Expr::NPC_ValueDependentIsNotNull))
      return fail("the thread is created with attributes, which a pool's task does not have");
    const auto *address = llvm::dyn_cast<clang::UnaryOperator>(call->getArg(0)->IgnoreParenImpCasts());
    if (!address || address->getOpcode() != clang::UO_AddrOf)
      return fail("the thread's id is stored through a pointer the rewrite cannot follow");
    const clang::Expr *target = address->getSubExpr();
    node.holder = subscripted(target);
    if (!node.holder)
      node.holder = localVariable(target);
    if (!node.holder)
      return fail("the thread's id is kept in something that is not a local variable");
    std::string submitted = fmt::format("{} = {}.submit({}, {})", tokenText(target->getSourceRange()), pool,
                                        tokenText(call->getArg(2)->getSourceRange()),
                                        tokenText(call->getArg(3)->getSourceRange()));
    return replaceStatusCall(call, submitted, "pthread_create");
  }

  /// Replaces a pthread call that returns a status with `replacement`, which cannot fail that
  /// way (it throws): a statement of its own, or `if (call) …` with nothing else, becomes the
  /// replacement's statement; anywhere else the call's status is 0.
  bool replaceStatusCall(const clang::CallExpr *call, const std::string &replacement, llvm::StringRef name) {
    clang::DynTypedNode parent = meaningfulParent(call);
    const clang::Stmt *check = nullptr;
    if (const auto *compare = parent.get<clang::BinaryOperator>();
        compare && (compare->getOpcode() == clang::BO_NE || compare->getOpcode() == clang::BO_LT))
      parent = meaningfulParent(compare), check = compare;
    else if (parent.get<clang::IfStmt>())
      check = call;
    if (const auto *branch = parent.get<clang::IfStmt>();
        branch && check && branch->getCond()->IgnoreParenImpCasts() == check && !branch->getElse() &&
        !branch->getInit() && !branch->getConditionVariable() && fullStatement(branch) == branch) {
      uses.push_back(call);
      clang::SourceLocation end = statementEnd(sm, lang, branch); // no else: as its then-branch ends
      return end.isValid() ? edit(branch->getBeginLoc(), end, replacement + ";")
                           : fail(fmt::format("concur could not find the end of the check of '{}'", name.str()));
    }
    uses.push_back(call);
    bool alone = isExpressionStatement(call, ctx);
    return edit(call->getBeginLoc(), endOfToken(call->getEndLoc()), alone ? replacement : "(" + replacement + ", 0)");
  }

  /// `pthread_join(t, &ret)` -> `ret = t.result()`.
  bool joinPthread(const clang::CallExpr *join, const clang::Expr *handle) {
    if (join->getNumArgs() != 2 || join->getArg(0)->IgnoreParenImpCasts() != handle->IgnoreParenImpCasts())
      return fail("a thread id is passed to 'pthread_join' in a way the rewrite cannot follow");
    std::string waited = tokenText(handle->getSourceRange()) + ".result()";
    const clang::Expr *result = join->getArg(1)->IgnoreParenImpCasts();
    if (!result->isNullPointerConstant(ctx, clang::Expr::NPC_ValueDependentIsNotNull)) {
      const auto *address = llvm::dyn_cast<clang::UnaryOperator>(result);
      waited = address && address->getOpcode() == clang::UO_AddrOf
                   ? tokenText(address->getSubExpr()->getSourceRange()) + " = " + waited
                   : "*(" + tokenText(result->getSourceRange()) + ") = " + waited;
    }
    return replaceStatusCall(join, waited, "pthread_join");
  }

  /// A pthread_t (or an element of an array of them) is only created into and joined.
  bool followPthread(const clang::Expr *handle) {
    clang::DynTypedNode parent = meaningfulParent(handle);
    if (const auto *address = parent.get<clang::UnaryOperator>(); address && address->getOpcode() == clang::UO_AddrOf)
      if (const auto *call = meaningfulParent(address).get<clang::CallExpr>(); call && isSpawnNode(call))
        return true;
    if (const auto *call = parent.get<clang::CallExpr>(); call && isNamedCall(call, "pthread_join"))
      return joinPthread(call, handle);
    return fail(fmt::format("a thread id is used at line {} in a way the rewrite cannot follow",
                            lineOf(handle->getBeginLoc())));
  }

  /// `std::async(policy, f, args…)` -> `pool.submit(f, args…)`.
  bool placeAsync(const clang::CallExpr *call, SpawnNode &node) {
    node.handle = Handle::Future;
    unsigned first = 0;
    if (call->getNumArgs() > 1 && call->getArg(0)->getType()->isEnumeralType())
      first = 1; // the launch policy
    node.callable = call->getArg(first);
    if (!edit(call->getBeginLoc(), call->getArg(first)->getBeginLoc(), pool + ".submit("))
      return false;
    clang::DynTypedNode parent = meaningfulParent(call);
    if (const auto *var = parent.get<clang::VarDecl>()) {
      node.holder = var->isLocalVarDecl() ? var : nullptr;
      return node.holder || fail("the future is kept in a variable that is not local");
    }
    if (const auto *member = parent.get<clang::MemberExpr>())
      return renameHandleCall(member, Handle::Future);
    if (const auto *call2 = parent.get<clang::CXXMemberCallExpr>()) {
      llvm::StringRef method = call2->getMethodDecl() ? call2->getMethodDecl()->getName() : "";
      if (method != "push_back" && !method.starts_with("emplace"))
        return fail(fmt::format("the future is passed to '{}'", method));
      node.holder = localVariable(call2->getImplicitObjectArgument());
      return node.holder || fail("the futures are kept in a container that is not a local variable");
    }
    if (const auto *assign = parent.get<clang::CXXOperatorCallExpr>();
        assign && assign->getOperator() == clang::OO_Equal) {
      node.holder = subscripted(assign->getArg(0));
      if (!node.holder)
        node.holder = localVariable(assign->getArg(0));
      return node.holder || fail("the future is assigned to something that is not a local variable");
    }
    return fail("the future is used in a way the rewrite cannot follow");
  }

  // ---- the handles' holders -----------------------------------------------------------------

  /// The type the callable returns, spelled so that it compiles where the holder is declared.
  std::optional<std::string> resultTypeOf(const clang::Expr *callable) const {
    const clang::Expr *e = skipTemporaries(callable);
    // `std::bind(f, args…)` and `std::bind_front(f, args…)` return what `f` returns.
    if (const auto *call = llvm::dyn_cast<clang::CallExpr>(e->IgnoreParenImpCasts())) {
      const clang::FunctionDecl *callee = call->getDirectCallee();
      if (callee && callee->isInStdNamespace() && callee->getIdentifier() &&
          (callee->getName() == "bind" || callee->getName() == "bind_front") && call->getNumArgs() >= 1)
        return resultTypeOf(call->getArg(0));
    }
    if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e); unary && unary->getOpcode() == clang::UO_AddrOf)
      e = unary->getSubExpr()->IgnoreParenImpCasts();
    std::optional<clang::QualType> result;
    if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e); ref && llvm::isa<clang::FunctionDecl>(ref->getDecl()))
      result = llvm::cast<clang::FunctionDecl>(ref->getDecl())->getReturnType();
    clang::QualType type = e->getType().getNonReferenceType();
    if (!result) {
      if (const auto *pointer = type->getAs<clang::PointerType>())
        type = pointer->getPointeeType();
      if (const auto *member = type->getAs<clang::MemberPointerType>())
        type = member->getPointeeType();
      if (const auto *function = type->getAs<clang::FunctionType>())
        result = function->getReturnType();
      else if (const auto *record = type->getAsCXXRecordDecl()) {
        const clang::CXXMethodDecl *call = nullptr;
        for (const clang::NamedDecl *d : record->lookup(ctx.DeclarationNames.getCXXOperatorName(clang::OO_Call))) {
          if (call || !llvm::isa<clang::CXXMethodDecl>(d))
            return std::nullopt; // overloaded or a template: the arguments decide
          call = llvm::cast<clang::CXXMethodDecl>(d);
        }
        if (call)
          result = call->getReturnType();
      }
    }
    if (!result || (*result)->isUndeducedType())
      return std::nullopt;
    clang::QualType r = result->getUnqualifiedType();
    if (r->isVoidType())
      return std::string("void");
    if (const auto *record = r->getAsCXXRecordDecl(); record && (record->isLocalClass() || !record->getIdentifier()))
      return std::nullopt;
    clang::PrintingPolicy policy(lang);
    policy.SuppressUnwrittenScope = true;
    policy.FullyQualifiedName = true;
    return r.getAsString(policy);
  }

  /// Renames the handle types in the holder's declaration.
  bool retypeDeclaration(const clang::DeclaratorDecl *decl, const SpawnNode &node) {
    if (!decl->getTypeSourceInfo())
      return true;
    std::string threadType;
    if (node.handle != Handle::Future) {
      std::optional<std::string> result = resultTypeOf(node.callable);
      if (!result)
        return fail("concur cannot spell the type the thread's work returns");
      threadType = "concur::future<" + *result + ">";
    }
    HandleTypeEdits types(sm, lang, threadType);
    types.TraverseTypeLoc(decl->getTypeSourceInfo()->getTypeLoc());
    if (types.unwritable)
      return fail("the handle's type is written inside a macro");
    if (!types.alias.empty())
      return fail("the handle's type is written through the alias '" + types.alias +
                  "', which other code may use; spell the type out to get a fix");
    for (const auto &[range, replacement] : types.edits)
      if (!edit(range.getBegin(), endOfToken(range.getEnd()), replacement))
        return false;
    return true;
  }

  /// `t.join()` -> `t.result()`, `f.get()` -> `f.result()`, `t.joinable()` -> `t.valid()`.
  bool renameHandleCall(const clang::MemberExpr *member, Handle handle) {
    llvm::StringRef name = member->getMemberDecl()->getName();
    std::string renamed;
    if (name == "join" || name == "get")
      renamed = "result";
    else if (name == "joinable" || name == "valid")
      renamed = "valid";
    else if (name == "wait" && handle == Handle::Future)
      renamed = "wait";
    else
      return fail(fmt::format("'{}' is called on a {} (line {})", name.str(),
                              handle == Handle::Thread ? "thread" : "future", lineOf(member->getExprLoc())));
    const auto *call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(
        parentOf(clang::DynTypedNode::create(*member)).get<clang::Expr>());
    if (!call)
      return fail(fmt::format("'{}' is named without being called", name.str()));
    uses.push_back(call);
    if (renamed == name)
      return true;
    clang::SourceLocation at = member->getMemberLoc();
    return edit(at, endOfToken(at), renamed);
  }

  bool isSpawnNode(const clang::Stmt *s) const {
    for (const SpawnNode &node : nodes)
      if (node.node == s)
        return true;
    return false;
  }

  /// Every use of the holder must be one the rewrite understands.
  bool followHolder(const SpawnNode &node) {
    const clang::VarDecl *holder = node.holder;
    if (!followed.insert(holder).second)
      return true;
    if (!node.declaresHolder && !retypeDeclaration(holder, node))
      return false;
    bool isContainer = !holderIsHandle(holder, node.handle);
    for (const clang::DeclRefExpr *ref : collector.refs) {
      if (ref->getDecl() != holder)
        continue;
      if (!followUse(ref, node, isContainer))
        return false;
    }
    return true;
  }

  bool holderIsHandle(const clang::VarDecl *holder, Handle handle) const {
    clang::QualType type = holder->getType().getNonReferenceType();
    if (handle == Handle::Pthread)
      return isPthreadType(type);
    return handle == Handle::Thread ? isThreadType(type) || type->isUndeducedType() || type->getContainedAutoType()
                                    : isStdRecord(type, "future") || type->getContainedAutoType();
  }

  bool followUse(const clang::DeclRefExpr *ref, const SpawnNode &node, bool isContainer) {
    clang::DynTypedNode parent = meaningfulParent(ref);
    unsigned line = lineOf(ref->getLocation());
    std::string name = node.holder->getName().str();
    if (auto loop = rangeLoopOver.find(ref); loop != rangeLoopOver.end() && isContainer)
      return followElementVariable(loop->second->getLoopVariable(), node);
    if (node.handle == Handle::Pthread) {
      if (!isContainer)
        return followPthread(ref);
      const clang::Expr *element = parent.get<clang::Expr>();
      if (element && subscripted(element) == node.holder)
        return followPthread(element);
    }
    if (const auto *member = parent.get<clang::MemberExpr>()) {
      llvm::StringRef method = member->getMemberDecl()->getName();
      const auto *call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(
          parentOf(clang::DynTypedNode::create(*member)).get<clang::Expr>());
      if (!isContainer)
        return renameHandleCall(member, node.handle);
      if (call && (isSpawnNode(call) || method == "push_back" || method.starts_with("emplace"))) {
        bool spawnInside = false;
        for (const SpawnNode &other : nodes)
          spawnInside |= other.holder == node.holder &&
                         (other.node == call || meaningfulParent(other.node).get<clang::CXXMemberCallExpr>() == call);
        return spawnInside || fail(fmt::format("'{}' also receives other objects (line {})", name, line));
      }
      if (method == "reserve" || method == "size" || method == "empty")
        return true;
      // `pending.front().get(); pending.pop_front();`: a queue of futures, each waited for.
      if ((method == "front" || method == "back") && call)
        return followElement(call, node);
      if ((method == "pop_front" || method == "pop_back") && node.handle == Handle::Future)
        return true;
      if (method == "clear" && !mentionsJthread(node.holder->getType()))
        return true;
      if (method == "clear" && call)
        return waitBeforeClear(call, name);
      if (method == "begin" || method == "end" || method == "cbegin" || method == "cend")
        if (const clang::Stmt *all = joinAllStatement(ctx, ref, node.holder))
          return waitForAll(all, name);
      return fail(fmt::format("'{}.{}' (line {}) has no counterpart on futures", name, method.str(), line));
    }
    if (isContainer) {
      // `threads[i]`: the element's own uses decide.
      const clang::Expr *element = parent.get<clang::Expr>();
      if (element && subscripted(element) == node.holder)
        return followElement(element, node);
    }
    if (const auto *var = parent.get<clang::VarDecl>(); var && var == node.holder)
      return true; // its own initialiser: `auto f = std::async(…)`
    if (const auto *assign = parent.get<clang::CXXOperatorCallExpr>();
        assign && assign->getOperator() == clang::OO_Equal && !isContainer) {
      for (const SpawnNode &other : nodes)
        if (skipTemporaries(assign->getArg(1)) == other.node ||
            (llvm::isa<clang::CXXFunctionalCastExpr>(skipTemporaries(assign->getArg(1)))))
          return true;
    }
    return fail(fmt::format("'{}' is used at line {} in a way the rewrite cannot follow", name, line));
  }

  /// `std::for_each(ts.begin(), ts.end(), std::mem_fn(&std::thread::join));` or an iterator loop
  /// that joins: one loop over the futures' results in its place.
  bool waitForAll(const clang::Stmt *statement, const std::string &container) {
    if (!replacedJoins.insert(statement).second)
      return true; // `ts.end()` of a statement `ts.begin()` already replaced
    uses.push_back(statement);
    std::string element = unusedIdentifier(tokenText(fn->getBody()->getSourceRange()), {"task", "pending", "job"},
                                           "concur_task");
    clang::SourceLocation at = statement->getBeginLoc();
    return edit(at, statementEnd(sm, lang, statement),
                fmt::format("for (auto &{0} : {1})\n{2}  {0}.result();", element, container, indentAt(at)));
  }

  /// `jthreads.clear()` joins them: the futures are waited for first.
  bool waitBeforeClear(const clang::CXXMemberCallExpr *clear, const std::string &container) {
    const clang::Stmt *statement = fullStatement(clear);
    if (!statement || !llvm::isa<clang::Expr>(statement) || llvm::cast<clang::Expr>(statement)->IgnoreImplicit() != clear)
      return fail(fmt::format("'{}.clear()' is not a statement of its own", container));
    std::string element = container == "pending" ? "task" : "pending";
    uses.push_back(clear);
    clang::SourceLocation at = statement->getBeginLoc();
    return edit(at, at, fmt::format("for (auto &{} : {})\n{}  {}.result();\n{}", element, container, indentAt(at),
                                    element, indentAt(at)));
  }

  bool followElement(const clang::Expr *element, const SpawnNode &node) {
    clang::DynTypedNode parent = meaningfulParent(element);
    if (const auto *member = parent.get<clang::MemberExpr>())
      return renameHandleCall(member, node.handle);
    if (const auto *assign = parent.get<clang::CXXOperatorCallExpr>();
        assign && assign->getOperator() == clang::OO_Equal) {
      for (const SpawnNode &other : nodes)
        if (other.holder == node.holder && skipToConstruction(assign->getArg(1)) == other.node)
          return true;
    }
    return fail(fmt::format("an element of '{}' is used at line {} in a way the rewrite cannot follow",
                            node.holder->getName().str(), lineOf(element->getBeginLoc())));
  }

  /// `for (auto& t : threads) t.join();`, and over a map or pairs of futures:
  /// `for (auto &[name, f] : jobs) f.get();`, `for (auto &kv : jobs) kv.second.get();`.
  bool followElementVariable(const clang::VarDecl *element, const SpawnNode &node) {
    SpawnNode asHandle = node;
    asHandle.holder = element;
    if (!retypeDeclaration(element, asHandle))
      return false;
    const auto *bindings = llvm::dyn_cast<clang::DecompositionDecl>(element);
    for (const clang::DeclRefExpr *ref : collector.refs) {
      const clang::ValueDecl *named = ref->getDecl();
      bool isBinding = bindings && llvm::is_contained(bindings->bindings(), named);
      if (named != element && !isBinding)
        continue;
      if (isBinding && !isHandleType(named->getType()))
        continue; // the key beside the future
      const auto *member = meaningfulParent(ref).get<clang::MemberExpr>();
      // `kv.second`: the pair's future is used as the handle; `kv.first` is not a handle at all.
      if (const auto *field = member ? llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl()) : nullptr) {
        if (!isHandleType(field->getType()))
          continue;
        member = meaningfulParent(member).get<clang::MemberExpr>();
      }
      if (!member)
        return fail(fmt::format("'{}' is used at line {} in a way the rewrite cannot follow",
                                named->getName().str(), lineOf(ref->getLocation())));
      if (!renameHandleCall(member, node.handle))
        return false;
    }
    return true;
  }

  // ---- the pool ---------------------------------------------------------------------------

  std::string freeName() const {
    return unusedIdentifier(tokenText(fn->getBody()->getSourceRange()),
                            {"pool", "task_pool", "worker_pool", "concur_pool"}, "concur_thread_pool");
  }

  /// An expression, valid where the pool is declared, for how many tasks the loop at `statement`
  /// starts: `urls.size()`, `n`. A pool for waiting work gets one worker per task (up to a cap).
  void describeFanout(const clang::Stmt *statement) {
    const clang::Expr *count = nullptr;
    if (const auto *loop = llvm::dyn_cast<clang::ForStmt>(statement)) {
      const auto *cond = loop->getCond() ? llvm::dyn_cast<clang::BinaryOperator>(loop->getCond()->IgnoreParenImpCasts())
                                         : nullptr;
      const auto *init = llvm::dyn_cast_or_null<clang::DeclStmt>(loop->getInit());
      const auto *index = init && init->isSingleDecl() ? llvm::dyn_cast<clang::VarDecl>(init->getSingleDecl()) : nullptr;
      const auto *zero = index && index->getInit() ? llvm::dyn_cast<clang::IntegerLiteral>(index->getInit()->IgnoreParenImpCasts())
                                                   : nullptr;
      if (cond && cond->getOpcode() == clang::BO_LT && zero && zero->getValue() == 0)
        count = cond->getRHS();
    }
    if (!count || !isPlainCount(count->IgnoreParenImpCasts()))
      return;
    submit.fanout = tokenText(count->getSourceRange());
    if (std::optional<Edit> algorithm = addIncludeEdit(sm, locs, "algorithm"))
      submit.fanoutEdits.push_back(*algorithm);
  }

  /// The pool is declared right before the statement that starts the first task, in the
  /// innermost block that holds every start and every wait: it outlives the tasks' waits, and
  /// it is destroyed (draining its tasks) before the variables declared above it.
  bool placePool() {
    std::vector<const clang::Stmt *> anchors;
    for (const SpawnNode &node : nodes) {
      anchors.push_back(node.node);
      // jthreads may be joined by their holder's end of scope, which no use shows: the pool
      // lives in the holder's block too, and is destroyed (draining its tasks) before it.
      if (node.holder)
        if (const auto *declaration = parentOf(clang::DynTypedNode::create(*node.holder)).get<clang::DeclStmt>())
          anchors.push_back(declaration);
    }
    anchors.insert(anchors.end(), uses.begin(), uses.end());
    std::vector<std::vector<const clang::Stmt *>> chains;
    for (const clang::Stmt *a : anchors)
      chains.push_back(ancestors(a));
    const clang::Stmt *first = nodes.front().node;
    for (const SpawnNode &node : nodes)
      if (sm.isBeforeInTranslationUnit(node.node->getBeginLoc(), first->getBeginLoc()))
        first = node.node;
    std::vector<const clang::Stmt *> firstChain = ancestors(first);
    for (size_t i = 1; i < firstChain.size(); ++i) {
      if (!llvm::isa<clang::CompoundStmt>(firstChain[i]))
        continue;
      bool holdsAll = true;
      for (const auto &chain : chains)
        holdsAll &= std::find(chain.begin(), chain.end(), firstChain[i]) != chain.end();
      if (!holdsAll)
        continue;
      const clang::Stmt *statement = firstChain[i - 1];
      clang::SourceLocation begin = statement->getBeginLoc();
      if (const auto *decl = llvm::dyn_cast<clang::DeclStmt>(statement); decl && decl->isSingleDecl())
        if (const auto *var = llvm::dyn_cast<clang::VarDecl>(decl->getSingleDecl()))
          begin = var->getOuterLocStart();
      if (!writable(begin, begin))
        return fail("the statement that starts the work is written inside a macro");
      // Every start must come after the pool's declaration.
      for (const SpawnNode &node : nodes)
        if (sm.isBeforeInTranslationUnit(node.node->getBeginLoc(), begin))
          return fail("the work starts before the block that waits for it");
      submit.poolAt = locs.make(begin);
      describeFanout(statement);
      submit.indent = indentAt(begin);
      submit.pool = pool;
      return true;
    }
    return fail("the work is waited for outside the block that starts it");
  }

  std::string indentAt(clang::SourceLocation loc) const { return concur::indentAt(sm, loc); }

  void addInclude() {
    include = threadPoolInclude(sm, locs);
    if (include)
      edits.push_back(*include);
  }

  // ---- parallel_for -----------------------------------------------------------------------

  /// `for (T i = a; i < b; ++i) threads.emplace_back(work, i);` and a loop that joins them,
  /// with nothing else done with the threads: `pool.parallel_for(a, b, [&](T i) { work(i); });`
  std::optional<Rewrite> planParallelFor();

  /// Deletes a whole statement, and its line when nothing else is on it.
  bool deleteStatement(const clang::Stmt *statement, std::vector<Edit> &out);

  const clang::FunctionDecl *fn;
  const Function &facts;
  clang::ASTContext &ctx;
  const clang::SourceManager &sm;
  const clang::LangOptions &lang;
  LocMaker &locs;
  SpawnExprCollector collector;
  llvm::DenseMap<const clang::DeclRefExpr *, const clang::CXXForRangeStmt *> rangeLoopOver;
  std::vector<SpawnNode> nodes;
  std::vector<const clang::Stmt *> uses; // the joins and gets, renamed
  llvm::SmallPtrSet<const clang::VarDecl *, 4> followed;
  llvm::SmallPtrSet<const clang::Stmt *, 2> replacedJoins; // whole statements that joined every thread
  std::vector<Edit> edits;
  std::optional<Edit> include; // `#include <concur/thread_pool.hpp>`, unless the file has it
  std::string pool;
  std::string reason;
  Rewrite submit;
};

bool Planner::deleteStatement(const clang::Stmt *statement, std::vector<Edit> &out) {
  auto [begin, end] = statementDeletion(sm, lang, statement);
  if (!writable(begin, end))
    return fail("a statement to remove is written inside a macro");
  out.push_back(replace(begin, end, ""));
  return true;
}

std::optional<Rewrite> Planner::planParallelFor() {
  if (nodes.size() != 1 || nodes[0].handle != Handle::Thread || !nodes[0].holder || nodes[0].declaresHolder)
    return std::nullopt;
  const SpawnNode &node = nodes[0];
  const clang::VarDecl *threads = node.holder;
  // The loop that starts the thread: its body is the start, or declarations and then the start.
  const clang::ForStmt *loop = nullptr;
  const clang::CompoundStmt *block = nullptr;
  std::vector<const clang::Stmt *> chain = ancestors(node.node);
  for (size_t i = 1; i < chain.size() && !loop; ++i) {
    if (const auto *f = llvm::dyn_cast<clang::ForStmt>(chain[i]))
      loop = f;
    else if (llvm::isa<clang::CompoundStmt>(chain[i]) && block)
      return std::nullopt; // nested deeper than the loop's own block
    else if (const auto *compound = llvm::dyn_cast<clang::CompoundStmt>(chain[i]))
      block = compound;
    else if (!llvm::isa<clang::Expr>(chain[i]))
      return std::nullopt; // under an `if` or another statement
  }
  if (!loop || (block && loop->getBody() != block) || (!block && !llvm::isa<clang::Expr>(loop->getBody())))
    return std::nullopt;
  // The pool is declared before the loop: the loop must be a statement of a block, not the
  // braceless body of an `if` or an outer loop (the submit rewrite places its pool outside).
  if (!parentOf(clang::DynTypedNode::create(*loop)).get<clang::CompoundStmt>())
    return std::nullopt;
  if (block && block->size() == 1)
    block = nullptr; // `{ threads.emplace_back(…); }`: the thread's body is the whole body
  if (block) {
    if (block->body_back() != node.statement)
      return std::nullopt;
    for (const clang::Stmt *s : block->body())
      if (s != node.statement && !llvm::isa<clang::DeclStmt>(s))
        return std::nullopt; // other work in the loop: it may carry state from one start to the next
  }
  if (!loop || !loop->getInit() || !loop->getCond() || !loop->getInc())
    return std::nullopt;
  const auto *init = llvm::dyn_cast<clang::DeclStmt>(loop->getInit());
  const auto *index = init && init->isSingleDecl() ? llvm::dyn_cast<clang::VarDecl>(init->getSingleDecl()) : nullptr;
  if (!index || !index->getType()->isIntegerType() || !index->getInit() || !index->getTypeSourceInfo())
    return std::nullopt;
  const auto *cond = llvm::dyn_cast<clang::BinaryOperator>(loop->getCond()->IgnoreParenImpCasts());
  if (!cond || (cond->getOpcode() != clang::BO_LT && cond->getOpcode() != clang::BO_NE))
    return std::nullopt;
  const auto *lhs = llvm::dyn_cast<clang::DeclRefExpr>(cond->getLHS()->IgnoreParenImpCasts());
  if (!lhs || lhs->getDecl() != index)
    return std::nullopt;
  const clang::Expr *inc = loop->getInc()->IgnoreParenImpCasts();
  bool stepsByOne = false;
  if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(inc))
    stepsByOne = unary->isIncrementOp();
  if (!stepsByOne)
    return std::nullopt;
  // What each index runs.
  std::string body;
  const clang::Expr *callable = skipTemporaries(node.callable);
  const clang::Expr *spawnExpr = node.node;
  unsigned argCount = 0;
  const clang::Expr *const *args = nullptr;
  if (const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(spawnExpr))
    argCount = call->getNumArgs(), args = call->getArgs();
  else if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(spawnExpr))
    argCount = construct->getNumArgs(), args = construct->getArgs();
  if (!args)
    return std::nullopt;
  if (const auto *lambda = llvm::dyn_cast<clang::LambdaExpr>(callable)) {
    if (argCount != 1 || lambda->getCallOperator()->getNumParams() != 0 || lambda->isMutable())
      return std::nullopt;
    for (const clang::LambdaCapture &capture : lambda->captures())
      if (capture.capturesVariable() && llvm::isa<clang::VarDecl>(capture.getCapturedVar()) &&
          llvm::cast<clang::VarDecl>(capture.getCapturedVar())->isInitCapture())
        return std::nullopt;
    body = tokenText(lambda->getBody()->getSourceRange());
  } else if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(callable);
             ref && llvm::isa<clang::FunctionDecl>(ref->getDecl()) && !llvm::isa<clang::CXXMethodDecl>(ref->getDecl())) {
    // A direct call passes references itself: `std::ref(total)` (needed to give a thread a
    // reference) becomes `total` again.
    std::vector<std::string> callArgs;
    for (unsigned k = 1; k < argCount; ++k) {
      const clang::Expr *arg = skipTemporaries(args[k]);
      const auto *wrap = llvm::dyn_cast<clang::CallExpr>(arg);
      callArgs.push_back(tokenText((wrap && isStdRef(wrap) ? wrap->getArg(0) : args[k])->getSourceRange()));
    }
    body = fmt::format("{}({});", tokenText(ref->getSourceRange()), fmt::join(callArgs, ", "));
    if (!block)
      body = "{ " + body + " }";
  } else {
    return std::nullopt;
  }
  if (block) {
    // The loop's own block, with the thread's body where the thread was started.
    clang::SourceLocation startEnd = clang::Lexer::findLocationAfterToken(node.statement->getEndLoc(), clang::tok::semi,
                                                                          sm, lang, false);
    if (startEnd.isInvalid())
      return std::nullopt;
    body = text(block->getLBracLoc(), node.statement->getBeginLoc()) + body +
           text(startEnd, endOfToken(block->getRBracLoc()));
  }
  // The threads are only joined: every use of the container but the start is a join loop or a reserve.
  std::vector<const clang::Stmt *> remove;
  for (const clang::DeclRefExpr *ref : collector.refs) {
    if (ref->getDecl() != threads)
      continue;
    if (const clang::Stmt *all = joinAllStatement(ctx, ref, threads)) {
      if (std::find(remove.begin(), remove.end(), all) == remove.end())
        remove.push_back(all);
      continue;
    }
    if (rangeLoopOver.count(ref))
      return std::nullopt; // a loop that does more than join
    if (storesIntoSlot(ctx, ref, node.node))
      continue;
    const auto *member = meaningfulParent(ref).get<clang::MemberExpr>();
    const auto *call = member ? llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(
                                    parentOf(clang::DynTypedNode::create(*member)).get<clang::Expr>())
                              : nullptr;
    if (call && call == node.node)
      continue;
    if (call && (isSpawnNode(call) || meaningfulParent(node.node).get<clang::CXXMemberCallExpr>() == call))
      continue;
    if (call && call->getMethodDecl() &&
        (call->getMethodDecl()->getName() == "reserve" || call->getMethodDecl()->getName() == "clear") &&
        fullStatement(call) && fullStatement(call) == fullStatement(fullStatement(call)) &&
        llvm::isa<clang::Expr>(fullStatement(call)) &&
        llvm::cast<clang::Expr>(fullStatement(call))->IgnoreImplicit() == call) {
      remove.push_back(call);
      continue;
    }
    return std::nullopt;
  }
  const auto *declaration = parentOf(clang::DynTypedNode::create(*threads)).get<clang::DeclStmt>();
  if (!declaration || !declaration->isSingleDecl())
    return std::nullopt;
  remove.push_back(declaration);

  Rewrite rewrite;
  rewrite.target = RewriteTarget::ParallelFor;
  rewrite.spawns = {node.spawn};
  rewrite.pool = pool;
  std::string first = tokenText(index->getInit()->getSourceRange());
  std::string last = tokenText(cond->getRHS()->getSourceRange());
  std::string indexType = tokenText(index->getTypeSourceInfo()->getTypeLoc().getSourceRange());
  std::string replacement = fmt::format("{}.parallel_for({}, {}, [&]({} {}) {});", pool, first, last, indexType,
                                        index->getName().str(), body);
  clang::SourceLocation end = statementEnd(sm, lang, loop);
  if (!writable(loop->getBeginLoc(), end))
    return std::nullopt;
  rewrite.edits.push_back(replace(loop->getBeginLoc(), end, replacement));
  for (const clang::Stmt *s : remove)
    if (!deleteStatement(s, rewrite.edits))
      return std::nullopt;
  // The pool goes where the loop was; the declaration of the threads is gone.
  rewrite.poolAt = locs.make(loop->getBeginLoc());
  rewrite.indent = indentAt(loop->getBeginLoc());
  if (include)
    rewrite.edits.push_back(*include);
  return rewrite;
}

/// Whether a body names a thread_local variable.
class ThreadLocalFinder : public clang::RecursiveASTVisitor<ThreadLocalFinder> {
public:
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    found |= var && var->getTLSKind() != clang::VarDecl::TLS_None;
    return !found;
  }
  bool found = false;
};

} // namespace

bool usesThreadLocal(const clang::FunctionDecl *fn) {
  ThreadLocalFinder finder;
  if (fn->getBody())
    finder.TraverseStmt(fn->getBody());
  return finder.found;
}

std::vector<Rewrite> planRewrites(const clang::FunctionDecl *fn, const Function &facts, clang::ASTContext &ctx,
                                  LocMaker &locs) {
  if (facts.spawns.empty() || !fn->getBody() || fn->isDependentContext() || fn->isTemplateInstantiation())
    return {};
  return Planner(fn, facts, ctx, locs).plan();
}

} // namespace concur
