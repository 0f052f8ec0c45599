#include "CoroutinePlan.h"

#include "AstQueries.h"
#include "AwaitConversion.h"
#include "Includes.h"
#include "LocMaker.h"
#include "SourceText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "fmt/format.h"
#include "llvm/Support/Regex.h"
#include <optional>

namespace concur {
namespace {

bool isLoop(const clang::Stmt *s) {
  return llvm::isa<clang::ForStmt, clang::WhileStmt, clang::DoStmt, clang::CXXForRangeStmt>(s);
}

/// What the planner needs from a function body: thread starts, accept calls, jumps out.
struct BodyScan : clang::RecursiveASTVisitor<BodyScan> {
  bool shouldVisitLambdaBody() const { return false; }
  bool VisitExpr(clang::Expr *e) {
    if (isThreadStart(e))
      starts.push_back(e);
    return true;
  }
  bool VisitCallExpr(clang::CallExpr *call) {
    const clang::FunctionDecl *callee = call->getDirectCallee();
    if (callee && callee->getDeclName().isIdentifier() &&
        (callee->getName() == "accept" || callee->getName() == "accept4") &&
        callee->getDeclContext()->getRedeclContext()->isTranslationUnit())
      accepts.push_back(call);
    if (callee && callee->isInStdNamespace() && callee->getDeclName().isIdentifier() && callee->getName() == "async")
      starts.push_back(call);
    return true;
  }
  bool VisitReturnStmt(clang::ReturnStmt *s) {
    exits.push_back(s);
    return true;
  }
  bool VisitGotoStmt(clang::GotoStmt *s) {
    exits.push_back(s);
    return true;
  }
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    refs.push_back(ref);
    return true;
  }
  std::vector<const clang::Expr *> starts;
  std::vector<const clang::CallExpr *> accepts;
  std::vector<const clang::Stmt *> exits;
  std::vector<const clang::DeclRefExpr *> refs;
};

/// How the loop keeps its threads, and so what keeps the tasks.
enum class Keeper : uint8_t { Detached, Container };

/// Plans the rewrite of one thread start in a loop (an accept loop, or a fan-out of I/O); see
/// planCoroutines.
class ConnectionPlanner {
public:
  ConnectionPlanner(const clang::FunctionDecl *fn, const BodyScan &scan, clang::ASTContext &ctx, LocMaker &locs,
                    const ModelDatabase &models)
      : fn(fn), ctx(ctx), sm(ctx.getSourceManager()), lang(ctx.getLangOpts()), locs(locs), conversion(ctx, models, locs),
        scan(scan) {}

  /// Null when concur cannot find the spawn's expression in a loop again.
  std::optional<Rewrite> plan(uint32_t index, const Spawn &spawn) {
    start = startOf(spawn);
    if (!start)
      return std::nullopt;
    spawnLoop = enclosingLoop(start);
    if (!spawnLoop)
      return std::nullopt;
    loopName = containsAccept(spawnLoop) ? "the accept loop" : "the loop that starts the threads";
    rewrite.target = RewriteTarget::Coroutine;
    rewrite.spawns = {index};
    if (!lang.CPlusPlus20)
      return blocked("coroutines need C++20 and this file is compiled with an older standard");
    if (!sm.isInMainFile(sm.getExpansionLoc(fn->getLocation())))
      return blocked(loopName + " is in a header, which other files may include unchanged");
    if (!(placeStart() && findHandler() && placeKeeper() && checkLoop() && convert() && wrap()))
      return blocked(reason.empty() ? conversion.blocker() : reason);
    addIncludes();
    rewrite.edits = std::move(edits);
    return rewrite;
  }

private:
  Rewrite blocked(std::string why) {
    rewrite.blocker = std::move(why);
    rewrite.edits.clear();
    return rewrite;
  }
  bool fail(std::string why) {
    reason = std::move(why);
    return false;
  }
  unsigned lineOf(clang::SourceLocation loc) const { return sm.getExpansionLineNumber(loc); }
  clang::SourceLocation endOfToken(clang::SourceLocation loc) const {
    return clang::Lexer::getLocForEndOfToken(loc, 0, sm, lang);
  }
  std::string tokenText(clang::SourceRange range) const {
    return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(range), sm, lang).str();
  }
  bool edit(clang::SourceLocation begin, clang::SourceLocation end, std::string text) {
    if (!begin.isFileID() || !end.isFileID() || !sm.isInMainFile(begin))
      return fail("the code to change is written inside a macro");
    edits.push_back(Edit{locs.makeRange(begin, end), std::move(text)});
    return true;
  }
  clang::DynTypedNode parentOf(const clang::DynTypedNode &node) const { return concur::parentOf(ctx, node); }
  /// `x.method(…)` for a reference to `x`: the member expression and its call, or nulls.
  std::pair<const clang::MemberExpr *, const clang::CXXMemberCallExpr *> memberCallOn(const clang::DeclRefExpr *ref) const {
    clang::DynTypedNode node = clang::DynTypedNode::create(*ref);
    do
      node = parentOf(node);
    while (node.get<clang::ImplicitCastExpr>() || node.get<clang::ParenExpr>());
    const auto *member = node.get<clang::MemberExpr>();
    if (!member)
      return {nullptr, nullptr};
    return {member, llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(parentOf(node).get<clang::Expr>())};
  }
  /// The statement of a block that `s` is part of.
  const clang::Stmt *blockStatement(const clang::Stmt *s, const clang::CompoundStmt **block = nullptr) const {
    clang::DynTypedNode node = clang::DynTypedNode::create(*s);
    const clang::Stmt *last = s;
    while (true) {
      clang::DynTypedNode parent = parentOf(node);
      if (const auto *compound = parent.get<clang::CompoundStmt>()) {
        if (block)
          *block = compound;
        return last;
      }
      if (parent.getNodeKind().isNone() || parent.get<clang::FunctionDecl>())
        return nullptr;
      if (const auto *stmt = parent.get<clang::Stmt>())
        last = stmt;
      node = parent;
    }
  }

  // ---- the start, the loop, the handler ------------------------------------------------------

  const clang::Expr *startOf(const Spawn &spawn) const {
    for (const clang::Expr *e : scan.starts) {
      Loc at = locs.make(e->getBeginLoc());
      if (at.file == spawn.loc.file && at.offset == spawn.loc.offset)
        return e;
    }
    for (const clang::Expr *e : scan.starts) {
      Loc begin = locs.make(e->getBeginLoc()), end = locs.make(e->getEndLoc());
      if (llvm::isa<clang::CXXConstructExpr>(e) && begin.file == spawn.loc.file && begin.offset <= spawn.loc.offset &&
          spawn.loc.offset <= end.offset)
        return e;
    }
    return nullptr;
  }

  const clang::Stmt *enclosingLoop(const clang::Stmt *s) const {
    clang::DynTypedNode node = clang::DynTypedNode::create(*s);
    while (true) {
      node = parentOf(node);
      if (node.getNodeKind().isNone() || node.get<clang::Decl>() == fn)
        return nullptr;
      const auto *stmt = node.get<clang::Stmt>(); // null for the declaration a start initialises
      if (stmt == fn->getBody())
        return nullptr;
      if (stmt && isLoop(stmt))
        return stmt;
    }
  }

  bool within(const clang::Stmt *inner, const clang::Stmt *outer) const {
    return !sm.isBeforeInTranslationUnit(inner->getBeginLoc(), outer->getBeginLoc()) &&
           !sm.isBeforeInTranslationUnit(outer->getEndLoc(), inner->getEndLoc());
  }

  bool containsAccept(const clang::Stmt *loop) const {
    for (const clang::CallExpr *call : scan.accepts)
      if (within(call, loop))
        return true;
    return false;
  }

  /// Where the thread is created: what runs it, and the expression the spawn replaces.
  bool placeStart() {
    if (!llvm::isa<clang::CXXMemberCallExpr>(start) && llvm::isa<clang::CallExpr>(start))
      return placeAsync(llvm::cast<clang::CallExpr>(start));
    if (const auto *emplace = llvm::dyn_cast<clang::CXXMemberCallExpr>(start)) {
      keeper = Keeper::Container;
      callable = emplace->getArg(0);
      for (unsigned i = 1; i < emplace->getNumArgs(); ++i)
        arguments.push_back(emplace->getArg(i));
      holderExpr = emplace->getImplicitObjectArgument();
      replaced = emplace;
      return true;
    }
    const auto *construct = llvm::cast<clang::CXXConstructExpr>(start);
    callable = construct->getArg(0);
    for (unsigned i = 1; i < construct->getNumArgs(); ++i)
      arguments.push_back(construct->getArg(i));
    const clang::Expr *outer = nullptr;
    clang::DynTypedNode parent = meaningfulParent(ctx, construct, &outer);
    if (const auto *member = parent.get<clang::MemberExpr>()) {
      const auto *call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(parentOf(clang::DynTypedNode::create(*member)).get<clang::Expr>());
      if (!call || member->getMemberDecl()->getName() != "detach")
        return fail(fmt::format("'{}' is called on the connection's thread", member->getMemberDecl()->getNameAsString()));
      const clang::Stmt *statement = blockStatement(call);
      if (!statement || !llvm::isa<clang::Expr>(statement) ||
          llvm::cast<clang::Expr>(statement)->IgnoreImplicit() != call)
        return fail("the thread is detached inside a larger expression");
      keeper = Keeper::Detached;
      replaced = call;
      return true;
    }
    if (const auto *call = parent.get<clang::CXXMemberCallExpr>()) {
      llvm::StringRef method = call->getMethodDecl() ? call->getMethodDecl()->getName() : "";
      if (method != "push_back" && !method.starts_with("emplace"))
        return fail(fmt::format("the connection's thread is passed to '{}'", method.str()));
      keeper = Keeper::Container;
      holderExpr = call->getImplicitObjectArgument();
      replaced = outer;
      return true;
    }
    if (const auto *var = parent.get<clang::VarDecl>())
      return placeDetachedVariable(var);
    return fail("the thread is used in a way the rewrite cannot follow");
  }

  /// `futures.push_back(std::async(policy, f, args…))`: the futures stay, spawned instead.
  bool placeAsync(const clang::CallExpr *call) {
    async = true;
    unsigned first = call->getNumArgs() > 1 && call->getArg(0)->getType()->isEnumeralType() ? 1 : 0;
    callable = call->getArg(first);
    for (unsigned i = first + 1; i < call->getNumArgs(); ++i)
      arguments.push_back(call->getArg(i));
    const clang::Expr *outer = nullptr;
    clang::DynTypedNode parent = meaningfulParent(ctx, call, &outer);
    const auto *push = parent.get<clang::CXXMemberCallExpr>();
    llvm::StringRef method = push && push->getMethodDecl() ? push->getMethodDecl()->getName() : "";
    if (method != "push_back" && !method.starts_with("emplace"))
      return fail("the futures are not collected in a container");
    keeper = Keeper::Container;
    holderExpr = push->getImplicitObjectArgument();
    replaced = outer;
    return true;
  }

  /// `std::thread t(handle, fd); t.detach();`: the declaration becomes the spawn, the detach goes.
  bool placeDetachedVariable(const clang::VarDecl *var) {
    const auto *declaration = parentOf(clang::DynTypedNode::create(*var)).get<clang::DeclStmt>();
    const clang::CompoundStmt *block = nullptr;
    if (!declaration || !declaration->isSingleDecl() || blockStatement(declaration, &block) != declaration)
      return fail(fmt::format("the thread '{}' is declared with others", var->getNameAsString()));
    const clang::Stmt *detach = nullptr;
    for (const clang::DeclRefExpr *ref : scan.refs) {
      if (ref->getDecl() != var)
        continue;
      auto [member, call] = memberCallOn(ref);
      const clang::Stmt *statement = call ? blockStatement(call) : nullptr;
      if (detach || !member || member->getMemberDecl()->getName() != "detach" || !statement ||
          !llvm::isa<clang::Expr>(statement) || llvm::cast<clang::Expr>(statement)->IgnoreImplicit() != call)
        return fail(fmt::format("the thread '{}' is used at line {} for more than detaching it", var->getNameAsString(),
                                lineOf(ref->getBeginLoc())));
      detach = statement;
    }
    if (!detach)
      return fail(fmt::format("the thread '{}' is never detached or joined", var->getNameAsString()));
    keeper = Keeper::Detached;
    replaced = declaration;
    declarationEnd = ";";
    return deleteStatement(detach);
  }

  /// Removes a statement, and its line when nothing else is on it.
  bool deleteStatement(const clang::Stmt *statement) {
    auto [begin, end] = statementDeletion(sm, lang, statement);
    if (end.isInvalid())
      return fail("concur could not find the end of a statement it moves");
    return edit(begin, end, "");
  }

  /// The function each connection runs, and the text of its call: `handle(fd)`.
  bool findHandler() {
    const clang::Expr *e = skipTemporaries(callable);
    if (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e); unary && unary->getOpcode() == clang::UO_AddrOf)
      e = unary->getSubExpr()->IgnoreParenImpCasts();
    std::vector<const clang::Expr *> args = arguments;
    if (const auto *lambda = llvm::dyn_cast<clang::LambdaExpr>(e)) {
      if (!arguments.empty() || lambda->getCallOperator()->getNumParams() > 0)
        return fail("the threads' lambda takes arguments");
      // `[fd] { handle(fd); }`: the lambda only forwards copies to a function.
      const auto *statement = llvm::dyn_cast_or_null<clang::Expr>(onlyStatement(lambda->getBody()));
      const auto *call = statement ? llvm::dyn_cast<clang::CallExpr>(statement->IgnoreImplicit()) : nullptr;
      bool forwards = call && !llvm::isa<clang::CXXMemberCallExpr>(call) && call->getDirectCallee() &&
                      llvm::all_of(lambda->captures(), [](const clang::LambdaCapture &c) {
                        return c.getCaptureKind() == clang::LCK_ByCopy;
                      });
      if (!forwards)
        return coroutineLambda(lambda);
      e = call->getCallee()->IgnoreParenImpCasts();
      args.assign(call->arg_begin(), call->arg_end());
    }
    if (const auto *record = e->getType()->getAsCXXRecordDecl(); record && !llvm::isa<clang::LambdaExpr>(e))
      return functionObject(record, e);
    const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e);
    handler = ref ? llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()) : nullptr;
    if (!handler)
      return fail("concur cannot tell which function the thread runs");
    handlerRef = ref;
    if (!handler->getReturnType()->isVoidType() && !async)
      return fail(fmt::format("'{}' returns a value, which the threads dropped", handler->getNameAsString()));
    for (const clang::ParmVarDecl *param : handler->parameters())
      if (param->getType()->isReferenceType())
        return fail(fmt::format("'{}' takes '{}' by reference, which a task must not keep", handler->getNameAsString(),
                                param->getNameAsString()));
    std::string callee = tokenText(ref->getSourceRange());
    // `std::thread(&Server::session, this, fd)`: the first argument is the object.
    if (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(handler); method && method->isInstance()) {
      if (args.empty())
        return fail(fmt::format("the thread runs '{}' with no object", handler->getNameAsString()));
      const clang::Expr *object = args.front()->IgnoreParenImpCasts();
      if (!object->getType()->isPointerType())
        return fail(fmt::format("the thread runs '{}' on a copy of its object", handler->getNameAsString()));
      callee = fmt::format("{}->{}", llvm::isa<clang::CXXThisExpr>(object) ? "this" : tokenText(object->getSourceRange()),
                           handler->getNameAsString());
      args.erase(args.begin());
    }
    std::vector<std::string> texts;
    for (const clang::Expr *arg : args)
      texts.push_back(tokenText(arg->getSourceRange()));
    handlerCall = fmt::format("{}({})", callee, fmt::join(texts, ", "));
    for (const clang::Expr *arg : args)
      if (!conversion.awaitsNothing(arg))
        return fail("the handler's arguments would have to suspend");
    return true;
  }

  /// `Session(fd, id)` -> `[](auto work) -> concur::task<void> { co_await work(); }(Session(fd, id))`:
  /// its `operator()` becomes a member coroutine, awaited on a copy the coroutine's frame keeps
  /// (as the thread kept its own copy).
  bool functionObject(const clang::CXXRecordDecl *record, const clang::Expr *object) {
    const clang::CXXMethodDecl *call = nullptr;
    for (const clang::NamedDecl *d : record->lookup(ctx.DeclarationNames.getCXXOperatorName(clang::OO_Call))) {
      if (call || !llvm::isa<clang::CXXMethodDecl>(d))
        return fail("the thread's function object has several call operators");
      call = llvm::cast<clang::CXXMethodDecl>(d);
    }
    if (!call || call->getNumParams() != arguments.size() || !call->getReturnType()->isVoidType())
      return fail("the thread's function object has no call operator concur can turn into a coroutine");
    for (const clang::ParmVarDecl *param : call->parameters())
      if (param->getType()->isReferenceType())
        return fail(fmt::format("'{}' takes '{}' by reference, which a task must not keep", call->getQualifiedNameAsString(),
                                param->getNameAsString()));
    handler = call;
    // The thread copied the object and its arguments; the coroutine's parameters keep copies too.
    std::vector<std::string> texts{tokenText(object->getSourceRange())};
    for (const clang::Expr *arg : arguments) {
      if (!conversion.awaitsNothing(arg))
        return fail("the handler's arguments would have to suspend");
      texts.push_back(tokenText(arg->getSourceRange()));
    }
    handlerCall = arguments.empty()
                      ? fmt::format("[](auto work) -> concur::task<void> {{ co_await work(); }}({})", texts[0])
                      : fmt::format("[](auto work, auto... args) -> concur::task<void> {{ co_await work(args...); }}({})",
                                    fmt::join(texts, ", "));
    return conversion.awaitsNothing(object) || fail("the function object's construction would have to suspend");
  }

  /// `[&out, i] { out[i] = fetch(i); }` -> `[](auto &out, auto i) -> concur::task<void> { … }(out, i)`:
  /// the captures become parameters, so the coroutine's frame holds them, not the lambda object
  /// that dies at the end of the statement.
  bool coroutineLambda(const clang::LambdaExpr *lambda) {
    clang::QualType result = lambda->getCallOperator()->getReturnType();
    std::string resultType = "void";
    if (!result->isVoidType()) {
      const clang::CXXRecordDecl *record = result->getAsCXXRecordDecl();
      if (!async || result->isDependentType() || result->isUndeducedType() ||
          (record && (record->isLocalClass() || !record->getIdentifier())))
        return fail(async ? "concur cannot spell the type the task's lambda returns"
                          : "the threads' lambda returns a value, which the threads dropped");
      clang::PrintingPolicy policy(lang);
      policy.SuppressUnwrittenScope = true;
      policy.FullyQualifiedName = true;
      resultType = result.getUnqualifiedType().getAsString(policy);
    }
    std::vector<std::string> params, names;
    for (const clang::LambdaCapture &capture : lambda->captures()) {
      if (!capture.capturesVariable() || lambda->isInitCapture(&capture) || capture.isPackExpansion())
        return fail("the threads' lambda captures 'this' or an initialised name");
      const clang::ValueDecl *var = capture.getCapturedVar();
      bool byReference = capture.getCaptureKind() == clang::LCK_ByRef;
      if (!byReference && var->getType()->isArrayType())
        return fail(fmt::format("the threads' lambda copies the array '{}'", var->getNameAsString()));
      params.push_back(fmt::format("auto {}{}", byReference ? "&" : "", var->getNameAsString()));
      names.push_back(var->getNameAsString());
    }
    const clang::CompoundStmt *body = lambda->getCompoundStmtBody();
    clang::SourceLocation from = lambda->getIntroducerRange().getBegin();
    if (!conversion.convertLambdaBody(body) ||
        !edit(from, body->getLBracLoc(),
              fmt::format("[]({}) -> concur::task<{}> ", fmt::join(params, ", "), resultType)))
      return false;
    if (conversion.edits().empty())
      return fail("the threads' work makes no blocking call that has a coroutine form");
    workLambda = lambda;
    lambdaArguments = fmt::format("({})", fmt::join(names, ", "));
    return true;
  }

  // ---- who keeps the tasks ----------------------------------------------------------------

  const clang::VarDecl *localVariable(const clang::Expr *e) const {
    const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
    const auto *var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    return var && var->isLocalVarDecl() && var->getDeclContext() == fn ? var : nullptr;
  }

  /// The start becomes a spawn: `prefix` + the task + `suffix` in place of `replaced`.
  bool spawnEdit(const std::string &prefix, const std::string &suffix) {
    if (!workLambda)
      return edit(replaced->getBeginLoc(), endOfToken(replaced->getEndLoc()), prefix + handlerCall + suffix + declarationEnd);
    // The lambda's body keeps its own edits: only the text around the lambda changes.
    return edit(replaced->getBeginLoc(), workLambda->getBeginLoc(), prefix) &&
           edit(endOfToken(workLambda->getEndLoc()), endOfToken(replaced->getEndLoc()),
                lambdaArguments + suffix + declarationEnd);
  }

  bool placeKeeper() {
    if (keeper == Keeper::Detached) {
      group = unusedIdentifier(tokenText(fn->getBody()->getSourceRange()),
                               {"connections", "handlers", "clients", "sessions"}, "concur_connections");
      return spawnEdit(group + ".spawn(", ")");
    }
    holder = localVariable(holderExpr);
    if (!holder)
      return fail(fmt::format("the threads are kept in '{}', which is not a local variable",
                              tokenText(holderExpr->getSourceRange())));
    bool emplaced = replaced == start && llvm::isa<clang::CXXMemberCallExpr>(start);
    std::string prefix = emplaced ? tokenText(holderExpr->getSourceRange()) + ".push_back(concur::spawn(" : "concur::spawn(";
    return spawnEdit(prefix, emplaced ? "))" : ")") && retypeHolder() && findJoins() && followHolder();
  }

  /// `std::vector<std::thread>` -> `std::vector<concur::future<void>>`.
  bool retypeHolder() {
    clang::TypeSourceInfo *info = holder->getTypeSourceInfo();
    if (!info)
      return fail("concur cannot find the type of the threads' container");
    clang::SourceRange range = info->getTypeLoc().getSourceRange();
    clang::SourceLocation end = endOfToken(range.getEnd());
    std::string text = clang::Lexer::getSourceText(clang::CharSourceRange::getCharRange(range.getBegin(), end), sm, lang).str();
    // std::thread -> concur::future<void>; std::future<T> -> concur::future<T>.
    llvm::Regex handle(async ? "(std::)?future" : "(std::)?j?thread");
    llvm::SmallVector<llvm::StringRef, 2> match;
    if (!handle.match(text, &match) || llvm::StringRef(text).count(async ? "future" : "thread") != 1)
      return fail(fmt::format("'{}' is not declared as a container of {}", holder->getNameAsString(),
                              async ? "std::future" : "std::thread"));
    size_t at = match[0].data() - text.data();
    clang::SourceLocation from = range.getBegin().getLocWithOffset(int(at));
    return edit(from, from.getLocWithOffset(int(match[0].size())), async ? "concur::future" : "concur::future<void>");
  }

  /// The loop right after the accept loop that joins every thread; for jthreads, the end of the
  /// container's block may join them instead.
  bool findJoins() {
    const clang::CompoundStmt *block = nullptr;
    if (blockStatement(spawnLoop, &block) != spawnLoop || !block)
      return fail(loopName + " is not a statement of a block");
    const clang::Stmt *const *at = std::find(block->body_begin(), block->body_end(), spawnLoop);
    // `long total = 0;` between the loops moves above the first: it stays in the function's scope.
    const clang::Stmt *const *after = at + 1;
    std::vector<const clang::DeclStmt *> between;
    for (; after != block->body_end() && llvm::isa<clang::DeclStmt>(*after) &&
           movableAbove(llvm::cast<clang::DeclStmt>(*after));
         ++after)
      between.push_back(llvm::cast<clang::DeclStmt>(*after));
    const clang::Stmt *next = after != block->body_end() ? *after : nullptr;
    if (const auto *range = llvm::dyn_cast_or_null<clang::CXXForRangeStmt>(next);
        range && refersTo(range->getRangeInit(), holder)) {
      joinLoop = range;
      return hoist(between) && rewriteJoinLoop(range);
    }
    if (const auto *loop = llvm::dyn_cast_or_null<clang::ForStmt>(next); loop && mentionsHolder(loop)) {
      joinLoop = loop;
      return hoist(between) && rewriteIndexJoinLoop(loop);
    }
    const clang::CompoundStmt *holderBlock = nullptr;
    const auto *declaration = parentOf(clang::DynTypedNode::create(*holder)).get<clang::DeclStmt>();
    if (declaration && blockStatement(declaration, &holderBlock) && holderBlock == block &&
        at + 1 == block->body_end() && llvm::StringRef(holder->getType().getAsString()).contains("jthread")) {
      joinAtEnd = true;
      return true;
    }
    return fail(fmt::format("the threads in '{}' are not joined right after {}", holder->getNameAsString(), loopName));
  }

  /// A declaration whose initialiser has no effect and reads nothing the loop changes (none, a
  /// constant, a default construction), and whose names the loop does not use: evaluating it
  /// before the loop changes nothing.
  bool movableAbove(const clang::DeclStmt *declaration) const {
    std::string loopText = tokenText(spawnLoop->getSourceRange());
    for (const clang::Decl *d : declaration->decls()) {
      const auto *var = llvm::dyn_cast<clang::VarDecl>(d);
      if (!var || var->isStaticLocal() || !var->getIdentifier())
        return false;
      if (unusedIdentifier(loopText, {var->getName().data()}, "") != var->getName())
        return false;
      const clang::Expr *init = var->getInit() ? var->getInit()->IgnoreImplicit() : nullptr;
      const auto *construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(init);
      const auto *list = llvm::dyn_cast_or_null<clang::InitListExpr>(init);
      if (init && !(construct && construct->getNumArgs() == 0) && !(list && list->getNumInits() == 0) &&
          !init->isEvaluatable(ctx))
        return false;
    }
    return true;
  }

  /// Moves the declarations above the loop: deleted here, written before concur::run.
  bool hoist(const std::vector<const clang::DeclStmt *> &between) {
    for (const clang::DeclStmt *declaration : between) {
      hoisted += tokenText(declaration->getSourceRange());
      if (!hoisted.empty() && hoisted.back() != ';')
        hoisted += ';';
      hoisted += "\n" + indentAt(sm, spawnLoop->getBeginLoc());
      if (!deleteStatement(declaration))
        return false;
    }
    return true;
  }

  bool mentionsHolder(const clang::Stmt *s) const {
    for (const clang::DeclRefExpr *ref : scan.refs)
      if (ref->getDecl() == holder && within(ref, s))
        return true;
    return false;
  }

  /// `t.join()` -> `co_await t`, `t.joinable()` -> `t.valid()`, for the element `t` (as written).
  bool rewriteElementUse(const clang::MemberExpr *member, const clang::CXXMemberCallExpr *call, bool &joined) {
    llvm::StringRef method = member->getMemberDecl()->getName();
    waits.push_back(call);
    if (method == "join" || method == "get" || method == "wait") {
      joined = true;
      const clang::Expr *object = member->getBase()->IgnoreImpCasts();
      std::string awaited = "co_await " + tokenText(object->getSourceRange());
      return edit(call->getBeginLoc(), endOfToken(call->getEndLoc()),
                  usedByPostfixOperator(ctx, call) ? "(" + awaited + ")" : awaited);
    }
    if (method == "joinable" || method == "valid") {
      clang::SourceLocation name = member->getMemberLoc();
      return edit(name, endOfToken(name), "valid");
    }
    return fail(fmt::format("'{}' is called on a thread at line {}", method.str(), lineOf(call->getBeginLoc())));
  }

  /// `for (size_t i = 0; i < threads.size(); ++i) threads[i].join();` -> `co_await threads[i];`
  bool rewriteIndexJoinLoop(const clang::ForStmt *loop) {
    bool joined = false;
    for (const clang::DeclRefExpr *ref : scan.refs) {
      if (ref->getDecl() != holder || !within(ref, loop))
        continue;
      auto [sizeMember, sizeCall] = memberCallOn(ref);
      if (sizeMember && (sizeMember->getMemberDecl()->getName() == "size" || sizeMember->getMemberDecl()->getName() == "empty"))
        continue;
      clang::DynTypedNode node = clang::DynTypedNode::create(*ref);
      do
        node = parentOf(node);
      while (node.get<clang::ImplicitCastExpr>() || node.get<clang::ParenExpr>());
      const auto *subscript = node.get<clang::CXXOperatorCallExpr>();
      if (!subscript || subscript->getOperator() != clang::OO_Subscript)
        return fail(fmt::format("'{}' is used at line {} in a way the rewrite cannot follow", holder->getNameAsString(),
                                lineOf(ref->getBeginLoc())));
      do
        node = parentOf(node);
      while (node.get<clang::ImplicitCastExpr>() || node.get<clang::ParenExpr>());
      const auto *member = node.get<clang::MemberExpr>();
      const auto *call = member ? llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(parentOf(node).get<clang::Expr>())
                                : nullptr;
      if (!call)
        return fail(fmt::format("an element of '{}' is used at line {} in a way the rewrite cannot follow",
                                holder->getNameAsString(), lineOf(ref->getBeginLoc())));
      if (!rewriteElementUse(member, call, joined))
        return false;
    }
    return joined || fail("the loop after " + loopName + " does not join the threads");
  }

  /// `for (auto &t : threads) t.join();` -> `for (auto &t : threads) co_await t;`
  bool rewriteJoinLoop(const clang::CXXForRangeStmt *loop) {
    const clang::VarDecl *element = loop->getLoopVariable();
    if (!element->getType()->getContainedAutoType() && !element->getType().getNonReferenceType()->getContainedAutoType())
      return fail("the join loop names the thread type; concur rewrites `auto` loops");
    bool joined = false;
    for (const clang::DeclRefExpr *ref : scan.refs) {
      if (ref->getDecl() != element)
        continue;
      auto [member, call] = memberCallOn(ref);
      if (!call)
        return fail(fmt::format("'{}' is used at line {} in a way the rewrite cannot follow", element->getNameAsString(),
                                lineOf(ref->getBeginLoc())));
      if (!rewriteElementUse(member, call, joined))
        return false;
    }
    return joined || fail("the loop after " + loopName + " does not join the threads");
  }

  /// Every other use of the container must mean the same for futures.
  bool followHolder() {
    for (const clang::DeclRefExpr *ref : scan.refs) {
      if (ref->getDecl() != holder || within(ref, replaced) || (joinLoop && within(ref, joinLoop)))
        continue; // the start and the join loop were rewritten already
      auto [member, call] = memberCallOn(ref);
      llvm::StringRef method = member ? member->getMemberDecl()->getName() : "";
      if (method == "reserve" || method == "size" || method == "empty" || method == "capacity")
        continue;
      if (call && (method == "push_back" || method.starts_with("emplace")) && within(replaced, call))
        continue; // `threads.push_back(std::thread(...))`: the start itself
      return fail(fmt::format("'{}' is used at line {} in a way the rewrite cannot follow", holder->getNameAsString(),
                              lineOf(ref->getBeginLoc())));
    }
    return true;
  }

  // ---- the loop and the functions it reaches ------------------------------------------------

  /// A return of a lambda (the std::async argument's own), not of the function.
  bool insideLambda(const clang::Stmt *s) const {
    for (clang::DynTypedNode node = parentOf(clang::DynTypedNode::create(*s)); !node.getNodeKind().isNone();
         node = parentOf(node)) {
      if (node.get<clang::LambdaExpr>())
        return true;
      if (node.get<clang::Stmt>() == fn->getBody())
        return false;
    }
    return false;
  }

  /// `if (fd < 0) return;` in an accept loop that ends its function, nothing waiting after it:
  /// leaving the loop is leaving the function, so in the coroutine it becomes a `break`.
  bool endsLikeBreak(const clang::Stmt *exit) const {
    const auto *ret = llvm::dyn_cast<clang::ReturnStmt>(exit);
    const auto *body = llvm::dyn_cast<clang::CompoundStmt>(fn->getBody());
    if (!ret || ret->getRetValue() || joinLoop || !body || body->body_empty() || body->body_back() != spawnLoop)
      return false;
    for (clang::DynTypedNode node = parentOf(clang::DynTypedNode::create(*exit)); !node.getNodeKind().isNone();
         node = parentOf(node)) {
      const clang::Stmt *s = node.get<clang::Stmt>();
      if (s == spawnLoop)
        return true;
      if (llvm::isa_and_nonnull<clang::ForStmt, clang::WhileStmt, clang::DoStmt, clang::SwitchStmt,
                                clang::CXXForRangeStmt>(s))
        return false; // a break there would leave the inner statement only
    }
    return false;
  }

  bool checkLoop() {
    for (const clang::Stmt *exit : scan.exits) {
      if (!within(exit, spawnLoop) || insideLambda(exit))
        continue;
      if (!endsLikeBreak(exit))
        return fail(fmt::format("{} leaves '{}' at line {}", loopName, fn->getNameAsString(),
                                lineOf(exit->getBeginLoc())));
      if (!edit(exit->getBeginLoc(), endOfToken(exit->getBeginLoc()), "break"))
        return false;
    }
    if (llvm::isa<clang::CoroutineBodyStmt>(fn->getBody()))
      return fail(fmt::format("'{}' is already a coroutine", fn->getNameAsString()));
    return true;
  }

  bool convert() {
    if (handler && !conversion.needsAwait(handler))
      return fail(fmt::format("'{}' makes no blocking call that has a coroutine form", handler->getNameAsString()));
    return conversion.convertStatement(spawnLoop, {replaced}, loopName) &&
           (!joinLoop || conversion.convertStatement(joinLoop, waits, "the loop that waits for them")) &&
           (!handler || conversion.convertFunction(handler)) && conversion.checkUses(handlerRef);
  }

  // ---- concur::run around the loop ----------------------------------------------------------

  bool wrap() {
    clang::SourceLocation begin = spawnLoop->getBeginLoc();
    std::string indent = indentAt(sm, begin);
    if (indent.empty() && sm.getSpellingColumnNumber(begin) != 1)
      return fail(loopName + " shares its line with other code");
    std::string unit = "  ";
    if (const auto *body = llvm::dyn_cast<clang::CompoundStmt>(
            llvm::isa<clang::ForStmt>(spawnLoop)    ? llvm::cast<clang::ForStmt>(spawnLoop)->getBody()
            : llvm::isa<clang::WhileStmt>(spawnLoop) ? llvm::cast<clang::WhileStmt>(spawnLoop)->getBody()
                                                      : nullptr);
        body && !body->body_empty()) {
      std::string inner = indentAt(sm, body->body_front()->getBeginLoc());
      if (inner.size() > indent.size() && llvm::StringRef(inner).starts_with(indent))
        unit = inner.substr(indent.size());
    }
    const clang::Stmt *last = joinLoop ? joinLoop : spawnLoop;
    clang::SourceLocation end = statementEnd(sm, lang, last);
    if (!begin.isFileID() || !end.isFileID())
      return fail(loopName + " is written inside a macro");
    std::string open = hoisted + "concur::run([&]() -> concur::task<void> {\n" + indent + unit;
    if (keeper == Keeper::Detached)
      open += fmt::format("concur::task_group {};\n{}{}", group, indent, unit);
    std::string close;
    if (keeper == Keeper::Detached)
      close = fmt::format("\n{}{}co_await {}.join();", indent, unit, group);
    else if (joinAtEnd) {
      std::string element = unusedIdentifier(tokenText(fn->getBody()->getSourceRange()), {"connection", "session", "task"},
                                             "concur_connection");
      close = fmt::format("\n{0}{1}for (auto &{2} : {3})\n{0}{1}{1}co_await {2};", indent, unit, element,
                          holder->getNameAsString());
    }
    close += "\n" + indent + "}());";
    if (!edit(begin, begin, open))
      return false;
    indentLines(begin, end, unit);
    return edit(end, end, close);
  }

  /// The loop's lines move one level in; a line that starts inside a replaced range is left to it.
  void indentLines(clang::SourceLocation begin, clang::SourceLocation end, const std::string &unit) {
    auto [file, from] = sm.getDecomposedLoc(begin);
    unsigned to = sm.getDecomposedLoc(end).second;
    llvm::StringRef buffer = sm.getBufferData(file);
    Loc origin = locs.make(begin);
    std::vector<Edit> replacements;
    for (const Edit &e : edits)
      if (e.range.length > 0)
        replacements.push_back(e);
    for (const Edit &e : conversion.edits())
      if (e.range.length > 0)
        replacements.push_back(e);
    for (size_t at = buffer.find('\n', from); at != llvm::StringRef::npos && at + 1 < to; at = buffer.find('\n', at + 1)) {
      size_t lineStart = at + 1;
      size_t lineEnd = buffer.find('\n', lineStart);
      if (buffer.slice(lineStart, lineEnd).trim().empty())
        continue;
      bool inside = false;
      for (const Edit &e : replacements)
        inside |= e.range.begin.offset <= lineStart && lineStart < e.range.begin.offset + e.range.length;
      if (inside)
        continue;
      Edit insertion;
      insertion.range.begin = origin;
      insertion.range.begin.offset = uint32_t(lineStart);
      insertion.text = unit;
      edits.push_back(insertion);
    }
  }

  void addIncludes() {
    for (const Edit &e : conversion.edits())
      edits.push_back(e);
    llvm::StringRef text = sm.getBufferData(sm.getMainFileID());
    if (text.contains("#include <concur/concur.hpp>"))
      return;
    std::vector<const char *> headers = {"concur/event_loop.hpp"};
    if (conversion.usesSys())
      headers.push_back("concur/sys.hpp");
    if (keeper == Keeper::Detached)
      headers.push_back("concur/task_group.hpp");
    for (const char *header : headers)
      if (std::optional<Edit> include = addIncludeEdit(sm, locs, header))
        edits.push_back(*include);
  }

  const clang::FunctionDecl *fn;
  clang::ASTContext &ctx;
  const clang::SourceManager &sm;
  const clang::LangOptions &lang;
  LocMaker &locs;
  AwaitConversion conversion;
  const BodyScan &scan; // of fn's body, shared by the planners of its spawns
  Rewrite rewrite;
  std::vector<Edit> edits;
  std::string reason;

  const clang::Expr *start = nullptr;      // the thread's construction, or the emplace that makes it
  const clang::Stmt *spawnLoop = nullptr;
  std::string loopName;                    // "the accept loop", in messages
  bool async = false;                      // std::async tasks, not threads
  std::vector<const clang::Stmt *> waits;  // the join loop's calls on the handles, rewritten
  std::string hoisted;                     // declarations moved above concur::run
  Keeper keeper = Keeper::Detached;
  const clang::Expr *callable = nullptr;
  std::vector<const clang::Expr *> arguments;
  const clang::Stmt *replaced = nullptr;   // the expression (or declaration) the spawn's text replaces
  std::string declarationEnd;            // `;` when `replaced` is a declaration that had one
  const clang::Expr *holderExpr = nullptr; // the container, as written at the start
  const clang::VarDecl *holder = nullptr;
  const clang::FunctionDecl *handler = nullptr;
  const clang::DeclRefExpr *handlerRef = nullptr; // the handler as the start names it
  std::string handlerCall;                 // `handle(fd)`
  const clang::LambdaExpr *workLambda = nullptr; // the threads' lambda, made a coroutine lambda
  std::string lambdaArguments;             // `(out, i)`: its captures, passed
  std::string group;                       // the task_group of detached connections
  const clang::Stmt *joinLoop = nullptr;  // the loop right after that joins the threads
  bool joinAtEnd = false;                  // jthreads joined by their container's scope end
};

} // namespace

std::vector<Rewrite> planCoroutines(const clang::FunctionDecl *fn, const Function &facts, clang::ASTContext &ctx,
                                    LocMaker &locs, const ModelDatabase &models) {
  std::vector<Rewrite> out;
  if (!ctx.getLangOpts().CPlusPlus)
    return out; // C: the thread-pool planner's blocker says why nothing is rewritten
  std::optional<BodyScan> scan;
  for (uint32_t s = 0; s < facts.spawns.size(); ++s) {
    const Spawn &spawn = facts.spawns[s];
    if ((spawn.kind != SpawnKind::Thread && spawn.kind != SpawnKind::Async) || spawn.deferred || spawn.loop < 0)
      continue;
    if (!scan) {
      scan.emplace();
      scan->TraverseStmt(fn->getBody());
    }
    ConnectionPlanner planner(fn, *scan, ctx, locs, models);
    if (std::optional<Rewrite> rewrite = planner.plan(s, spawn))
      out.push_back(std::move(*rewrite));
  }
  return out;
}

} // namespace concur
