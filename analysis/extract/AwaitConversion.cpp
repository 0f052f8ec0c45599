#include "AwaitConversion.h"

#include "AstQueries.h"
#include "LocMaker.h"
#include "Names.h"
#include "../Models.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "fmt/format.h"

namespace concur {

/// What one body does that the conversion cares about, outside nested lambdas unless noted.
struct AwaitConversion::Body : clang::RecursiveASTVisitor<AwaitConversion::Body> {
  struct Site {
    const clang::CallExpr *call;
    bool inCatch;
  };
  std::vector<Site> calls;
  std::vector<const clang::CXXConstructExpr *> constructions;
  std::vector<const clang::ReturnStmt *> returns;
  std::vector<const clang::Stmt *> lambdaBodies; // examined separately: they may not await
  llvm::ArrayRef<const clang::Stmt *> skip;
  unsigned catchDepth = 0;

  bool TraverseStmt(clang::Stmt *s) {
    if (s && llvm::is_contained(skip, s))
      return true;
    return RecursiveASTVisitor::TraverseStmt(s);
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *lambda) {
    lambdaBodies.push_back(lambda->getBody());
    return true;
  }
  bool TraverseCXXCatchStmt(clang::CXXCatchStmt *handler) {
    ++catchDepth;
    bool ok = RecursiveASTVisitor::TraverseCXXCatchStmt(handler);
    --catchDepth;
    return ok;
  }
  bool VisitCallExpr(clang::CallExpr *call) {
    calls.push_back({call, catchDepth > 0});
    return true;
  }
  bool VisitCXXConstructExpr(clang::CXXConstructExpr *construct) {
    constructions.push_back(construct);
    return true;
  }
  bool VisitReturnStmt(clang::ReturnStmt *ret) {
    returns.push_back(ret);
    return true;
  }
};

namespace {

/// Every reference to a function in the translation unit, to find the uses a conversion changes.
struct FunctionRefs : clang::RecursiveASTVisitor<FunctionRefs> {
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    if (const auto *fn = llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()))
      refs[fn->getCanonicalDecl()].push_back(ref);
    return true;
  }
  bool VisitMemberExpr(clang::MemberExpr *member) {
    if (const auto *fn = llvm::dyn_cast<clang::FunctionDecl>(member->getMemberDecl()))
      refs[fn->getCanonicalDecl()].push_back(member);
    return true;
  }
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<const clang::Expr *>> refs;
};

bool isSyncWait(SyncKind sync) {
  return sync == SyncKind::Wait || sync == SyncKind::Join || sync == SyncKind::Barrier || sync == SyncKind::Get;
}

/// Whether a descriptor is one the coroutine code owns, as a connection's socket is: a parameter
/// or a local of the converted code, or a member of the handler object or of one it was given.
/// A global or static (a shared pipe, a log file), an element of an array (`pipe(p)`) or a
/// constant (the terminal) is not: the loop's non-blocking wait would not apply to it, and a
/// read on a blocking pipe would stall every connection on the loop.
bool ownedByCoroutineCode(const clang::Expr *fd) {
  fd = fd->IgnoreParenImpCasts();
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(fd)) {
    const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    return var && (llvm::isa<clang::ParmVarDecl>(var) || var->hasLocalStorage()) && !var->getType()->isArrayType();
  }
  if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(fd)) {
    const clang::Expr *base = member->getBase()->IgnoreParenImpCasts();
    return llvm::isa<clang::CXXThisExpr>(base) || ownedByCoroutineCode(base);
  }
  return false;
}

} // namespace

AwaitConversion::AwaitConversion(clang::ASTContext &ctx, const ModelDatabase &models, LocMaker &locs)
    : ctx(ctx), models(models), locs(locs) {}

bool AwaitConversion::fail(std::string why) {
  if (blocker_.empty())
    blocker_ = std::move(why);
  return false;
}

unsigned AwaitConversion::lineOf(clang::SourceLocation loc) const {
  return ctx.getSourceManager().getExpansionLineNumber(loc);
}

bool AwaitConversion::edit(clang::SourceLocation begin, clang::SourceLocation end, std::string text) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  if (!begin.isFileID() || !end.isFileID() || !sm.isInMainFile(begin))
    return fail("the code to change is written inside a macro or a header");
  edits_.push_back(Edit{locs.makeRange(begin, end), std::move(text)});
  return true;
}

bool AwaitConversion::onMemoryOrTerminal(const clang::CallExpr *call, const Model &model) const {
  if (!call || model.streamArg.kind != ArgRef::Index || unsigned(model.streamArg.index) >= call->getNumArgs())
    return false;
  std::optional<IoKind> kind = streamIoKind(call->getArg(unsigned(model.streamArg.index)), models, ctx);
  return kind && (*kind == IoKind::None || *kind == IoKind::Terminal);
}

AwaitConversion::Role AwaitConversion::roleOf(const clang::FunctionDecl *callee, const clang::CallExpr *call,
                                              std::string &replacement) const {
  if (const Model *model = models.lookup(normalizedName(callee))) {
    if (!model->awaitable.empty()) {
      replacement = model->awaitable;
      return Role::Awaitable;
    }
    if (!model->coroutineCall.empty()) {
      replacement = model->coroutineCall;
      return Role::Replaced;
    }
    if ((model->effect.io != IoKind::None && model->effect.io != IoKind::Terminal && !onMemoryOrTerminal(call, *model)) ||
        isSyncWait(model->effect.sync))
      return Role::Blocks;
    if (model->lock != LockAction::None || model->guard != GuardKind::None || model->effect.sync == SyncKind::Lock)
      return Role::Locks;
    return Role::Plain;
  }
  const clang::SourceManager &sm = ctx.getSourceManager();
  const clang::FunctionDecl *definition = nullptr;
  if (callee->hasBody(definition))
    return sm.isInSystemHeader(definition->getLocation()) ? Role::Plain : Role::Project;
  return sm.isInSystemHeader(callee->getLocation()) || callee->getBuiltinID() != 0 ? Role::Plain : Role::Unknown;
}

bool AwaitConversion::needsAwait(const clang::FunctionDecl *fn) {
  const clang::FunctionDecl *definition = nullptr;
  if (!fn->hasBody(definition))
    return false;
  if (auto known = awaits.find(definition); known != awaits.end())
    return known->second;
  awaits[definition] = false; // a recursive call adds nothing
  Body body;
  body.TraverseStmt(definition->getBody());
  bool result = false;
  for (const Body::Site &site : body.calls) {
    const clang::FunctionDecl *callee = site.call->getDirectCallee();
    std::string awaitable;
    if (!callee)
      continue;
    Role role = roleOf(callee, site.call, awaitable);
    if (role == Role::Awaitable || (role == Role::Project && needsAwait(callee))) {
      result = true;
      break;
    }
  }
  awaits[definition] = result;
  return result;
}

bool AwaitConversion::renameCallee(const clang::CallExpr *call, const std::string &replacement) {
  const clang::Expr *callee = call->getCallee()->IgnoreImpCasts();
  usesSys_ |= llvm::StringRef(replacement).starts_with("concur::sys::");
  return edit(callee->getBeginLoc(),
              clang::Lexer::getLocForEndOfToken(callee->getEndLoc(), 0, ctx.getSourceManager(), ctx.getLangOpts()),
              replacement);
}

bool AwaitConversion::awaitCall(const clang::CallExpr *call, const std::string &replacement) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  const clang::LangOptions &lang = ctx.getLangOpts();
  bool parens = usedByPostfixOperator(ctx, call); // `f().size()`: binds tighter than co_await
  if (!replacement.empty() && !renameCallee(call, replacement))
    return false;
  awaitedRefs.insert(call->getCallee()->IgnoreImpCasts());
  if (!edit(call->getBeginLoc(), call->getBeginLoc(), parens ? "(co_await " : "co_await "))
    return false;
  if (parens) {
    clang::SourceLocation end = clang::Lexer::getLocForEndOfToken(call->getEndLoc(), 0, sm, lang);
    return edit(end, end, ")");
  }
  return true;
}

bool AwaitConversion::visitBody(const clang::Stmt *stmt, llvm::ArrayRef<const clang::Stmt *> skip, bool inCoroutine,
                                const std::string &where, bool coReturns) {
  Body body;
  body.skip = skip;
  body.TraverseStmt(const_cast<clang::Stmt *>(stmt));
  for (const clang::Stmt *lambda : body.lambdaBodies) {
    if (!awaitsNothing(lambda))
      return fail(fmt::format("a lambda in {} (line {}) would have to suspend", where, lineOf(lambda->getBeginLoc())));
    if (!visitBody(lambda, {}, /*inCoroutine=*/false, where, /*coReturns=*/false))
      return false;
  }
  // A lock may be held until the end of its block; a suspension there would let another
  // coroutine of the same thread take it again. Reported after everything that blocks: the
  // blocking call is the better reason.
  std::vector<std::pair<const clang::Stmt *, clang::SourceLocation>> locks; // where taken, held until
  std::vector<clang::SourceLocation> suspensions;
  auto takesLock = [&](const clang::Stmt *at) { locks.emplace_back(at, endOfBlock(at)); };
  for (const clang::CXXConstructExpr *construct : body.constructions) {
    std::string unused;
    Role role = roleOf(construct->getConstructor(), nullptr, unused);
    if (role == Role::Blocks)
      return fail(fmt::format("'{}' (line {}) blocks the thread and has no coroutine counterpart",
                              normalizedName(construct->getConstructor()), lineOf(construct->getBeginLoc())));
    if (role == Role::Locks && inCoroutine)
      takesLock(construct);
  }
  for (const Body::Site &site : body.calls) {
    const clang::CallExpr *call = site.call;
    const clang::FunctionDecl *callee = call->getDirectCallee();
    if (!callee)
      continue; // through a pointer: what it does is unknown here, as it was for the threads
    std::string replacement;
    Role role = roleOf(callee, call, replacement);
    std::string name = normalizedName(callee);
    unsigned line = lineOf(call->getBeginLoc());
    bool awaited = role == Role::Awaitable || (role == Role::Project && needsAwait(callee));
    if (awaited && !inCoroutine)
      return fail(fmt::format("'{}' (line {}) would have to suspend outside coroutine code", name, line));
    if (awaited && site.inCatch)
      return fail(fmt::format("'{}' (line {}) is called in a catch block, where C++ does not allow co_await", name, line));
    if (awaited)
      suspensions.push_back(call->getBeginLoc());
    switch (role) {
    case Role::Plain:
      break;
    case Role::Blocks:
      return fail(fmt::format("'{}' (line {}) blocks the thread and has no coroutine counterpart", name, line));
    case Role::Unknown:
      return fail(fmt::format("'{}' (line {}) is defined in another file, so concur cannot tell whether it blocks", name,
                              line));
    case Role::Locks:
      if (inCoroutine)
        takesLock(call);
      break;
    case Role::Awaitable:
      if (const Model *model = models.lookup(name); model && model->streamArg.kind == ArgRef::Index &&
                                                     unsigned(model->streamArg.index) < call->getNumArgs()) {
        const clang::Expr *fd = call->getArg(unsigned(model->streamArg.index));
        if (!ownedByCoroutineCode(fd))
          return fail(fmt::format("'{}' (line {}) waits on '{}', which is not a socket of the connection: a pipe, a "
                                  "file or a shared descriptor would still block the loop's thread",
                                  name, line,
                                  clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(fd->getSourceRange()),
                                                              ctx.getSourceManager(), ctx.getLangOpts())
                                      .str()));
      }
      if (!awaitCall(call, replacement))
        return false;
      break;
    case Role::Replaced:
      if (inCoroutine && !renameCallee(call, replacement))
        return false;
      break;
    case Role::Project:
      if (awaited) {
        if (!awaitCall(call, "") || !convertFunction(callee))
          return false;
      } else if (!checkCalledFunction(callee)) {
        return false;
      }
      break;
    }
  }
  const clang::SourceManager &sm = ctx.getSourceManager();
  for (const auto &[taken, until] : locks)
    for (clang::SourceLocation suspension : suspensions)
      if (sm.isBeforeInTranslationUnit(taken->getBeginLoc(), suspension) &&
          (until.isInvalid() || sm.isBeforeInTranslationUnit(suspension, until)))
        return fail(fmt::format("{} holds a lock (line {}) where it would now suspend (line {}): coroutines sharing "
                                "a thread must not hold a lock across a co_await",
                                where, lineOf(taken->getBeginLoc()), lineOf(suspension)));
  if (coReturns)
    for (const clang::ReturnStmt *ret : body.returns)
      if (!edit(ret->getReturnLoc(), ret->getReturnLoc().getLocWithOffset(6), "co_return"))
        return false;
  return true;
}

clang::SourceLocation AwaitConversion::endOfBlock(const clang::Stmt *s) const {
  for (clang::DynTypedNode node = parentOf(ctx, clang::DynTypedNode::create(*s)); !node.getNodeKind().isNone();
       node = parentOf(ctx, node))
    if (const auto *block = node.get<clang::CompoundStmt>())
      return block->getRBracLoc();
  return {};
}

bool AwaitConversion::checkCalledFunction(const clang::FunctionDecl *fn) {
  const clang::FunctionDecl *definition = nullptr;
  if (!fn->hasBody(definition) || !checked.insert(definition).second)
    return true;
  return visitBody(definition->getBody(), {}, /*inCoroutine=*/false, "'" + displayName(definition) + "'",
                   /*coReturns=*/false);
}

bool AwaitConversion::awaitsNothing(const clang::Stmt *s) {
  Body body;
  body.TraverseStmt(const_cast<clang::Stmt *>(s));
  for (const Body::Site &site : body.calls)
    if (const clang::FunctionDecl *callee = site.call->getDirectCallee()) {
      std::string awaitable;
      Role role = roleOf(callee, site.call, awaitable);
      if (role == Role::Awaitable || (role == Role::Project && needsAwait(callee)))
        return false;
    }
  return true;
}

bool AwaitConversion::retypeReturn(const clang::FunctionDecl *fn) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  const clang::LangOptions &lang = ctx.getLangOpts();
  for (const clang::FunctionDecl *decl : fn->redecls()) {
    clang::SourceRange range = decl->getReturnTypeSourceRange();
    if (range.isInvalid())
      return fail(fmt::format("concur cannot find the return type of '{}'", displayName(fn)));
    clang::SourceLocation end = clang::Lexer::getLocForEndOfToken(range.getEnd(), 0, sm, lang);
    std::string type =
        clang::Lexer::getSourceText(clang::CharSourceRange::getCharRange(range.getBegin(), end), sm, lang).str();
    if (!edit(range.getBegin(), end, "concur::task<" + type + ">"))
      return false;
  }
  return true;
}

bool AwaitConversion::convertFunction(const clang::FunctionDecl *fn) {
  const clang::FunctionDecl *definition = nullptr;
  if (!fn->hasBody(definition))
    return fail(fmt::format("'{}' is defined in another file", displayName(fn)));
  if (!converted.insert(definition).second)
    return true;
  std::string name = displayName(definition);
  if (definition->isMain())
    return fail("'main' would have to suspend");
  // A member coroutine is safe where it is awaited at once: its object outlives the statement.
  if (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(definition); method && method->isVirtual())
    return fail(fmt::format("'{}' is virtual: its overrides would have to become coroutines too", name));
  if (definition->getTemplatedKind() != clang::FunctionDecl::TK_NonTemplate || definition->isVariadic() ||
      definition->isConstexpr() || definition->getReturnType()->isUndeducedType() ||
      definition->getReturnType()->getContainedAutoType())
    return fail(fmt::format("'{}' is a template, variadic, constexpr or has a deduced type", name));
  if (llvm::isa<clang::CoroutineBodyStmt>(definition->getBody()))
    return fail(fmt::format("'{}' is already a coroutine", name));
  return retypeReturn(definition) &&
         visitBody(definition->getBody(), {}, /*inCoroutine=*/true, "'" + name + "'", /*coReturns=*/true);
}

bool AwaitConversion::convertStatement(const clang::Stmt *s, llvm::ArrayRef<const clang::Stmt *> skip,
                                       const std::string &what) {
  return visitBody(s, skip, /*inCoroutine=*/true, what, /*coReturns=*/false);
}

bool AwaitConversion::convertLambdaBody(const clang::Stmt *body) {
  return visitBody(body, {}, /*inCoroutine=*/true, "the threads' lambda", /*coReturns=*/true);
}

bool AwaitConversion::checkUses(const clang::Expr *allowed) {
  FunctionRefs all;
  all.TraverseDecl(ctx.getTranslationUnitDecl());
  for (const clang::FunctionDecl *fn : converted)
    for (const clang::Expr *ref : all.refs[fn->getCanonicalDecl()])
      if (ref != allowed && !awaitedRefs.contains(ref))
        return fail(fmt::format("'{}' is also used at line {}, where it would now return a task", displayName(fn),
                                lineOf(ref->getBeginLoc())));
  return true;
}

} // namespace concur
