#include "LoopMapPlans.h"

#include "Includes.h"
#include "LocMaker.h"
#include "SourceText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "fmt/format.h"

namespace concur {
namespace {

bool containsCall(const clang::Stmt *s) {
  if (!s)
    return false;
  if (llvm::isa<clang::CallExpr>(s) && !llvm::isa<clang::CXXOperatorCallExpr>(s))
    return true;
  for (const clang::Stmt *child : s->children())
    if (containsCall(child))
      return true;
  return false;
}

class LoopMapPlanner : public clang::RecursiveASTVisitor<LoopMapPlanner> {
public:
  LoopMapPlanner(const clang::FunctionDecl *fn, clang::ASTContext &ctx, LocMaker &locs)
      : ctx(ctx), sm(ctx.getSourceManager()), lang(ctx.getLangOpts()), locs(locs) {
    body = tokenText(fn->getBody()->getSourceRange());
    pool = unusedIdentifier(body, {"pool", "task_pool", "worker_pool"}, "concur_pool");
    include = threadPoolInclude(sm, locs);
  }

  bool shouldVisitLambdaBody() const { return false; } // a lambda's loops are its own function's

  /// `for (T i = a; i < b; ++i) out[i] = f(in[i]);`
  bool VisitForStmt(clang::ForStmt *loop) {
    const auto *init = llvm::dyn_cast_or_null<clang::DeclStmt>(loop->getInit());
    const auto *index = init && init->isSingleDecl() ? llvm::dyn_cast<clang::VarDecl>(init->getSingleDecl()) : nullptr;
    if (!index || !index->getType()->isIntegerType() || !index->getInit() || !index->getTypeSourceInfo() ||
        !loop->getCond() || !loop->getInc())
      return true;
    const auto *cond = llvm::dyn_cast<clang::BinaryOperator>(loop->getCond()->IgnoreParenImpCasts());
    if (!cond || (cond->getOpcode() != clang::BO_LT && cond->getOpcode() != clang::BO_NE) ||
        !refersTo(cond->getLHS(), index))
      return true;
    const auto *inc = llvm::dyn_cast<clang::UnaryOperator>(loop->getInc()->IgnoreParenImpCasts());
    if (!inc || !inc->isIncrementOp() || !refersTo(inc->getSubExpr(), index))
      return true;
    const auto *statement = llvm::dyn_cast_or_null<clang::Expr>(onlyStatement(loop->getBody()));
    if (!statement)
      return true;
    const clang::Expr *target = nullptr, *value = nullptr;
    const clang::Expr *e = statement->IgnoreImplicit();
    if (const auto *assign = llvm::dyn_cast<clang::BinaryOperator>(e); assign && assign->getOpcode() == clang::BO_Assign)
      target = assign->getLHS(), value = assign->getRHS();
    else if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(e);
             op && op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2)
      target = op->getArg(0), value = op->getArg(1);
    if (!target || !containsCall(value) || !isElementAt(target, index))
      return true;
    std::string replacement =
        fmt::format("{}.parallel_for({}, {}, [&]({} {}) {{ {}; }});", pool, tokenText(index->getInit()->getSourceRange()),
                    tokenText(cond->getRHS()->getSourceRange()),
                    tokenText(index->getTypeSourceInfo()->getTypeLoc().getSourceRange()), index->getName().str(),
                    tokenText(statement->getSourceRange()));
    Rewrite &rewrite = add(loop, replacement);
    const auto *zero = llvm::dyn_cast<clang::IntegerLiteral>(index->getInit()->IgnoreParenImpCasts());
    if (rewrite.poolAt.valid() && zero && zero->getValue() == 0 && cond->getOpcode() == clang::BO_LT &&
        isPlainCount(cond->getRHS())) {
      rewrite.fanout = tokenText(cond->getRHS()->getSourceRange());
      if (std::optional<Edit> algorithm = addIncludeEdit(sm, locs, "algorithm"))
        rewrite.fanoutEdits.push_back(*algorithm);
    }
    return true;
  }

  /// `for (const auto &x : xs) v.push_back(f(x));`
  bool VisitCXXForRangeStmt(clang::CXXForRangeStmt *loop) {
    const clang::VarDecl *item = loop->getLoopVariable();
    if (!item || llvm::isa<clang::DecompositionDecl>(item) || !loop->getRangeInit())
      return true;
    const auto *statement = llvm::dyn_cast_or_null<clang::Expr>(onlyStatement(loop->getBody()));
    const auto *append = statement ? llvm::dyn_cast<clang::CXXMemberCallExpr>(statement->IgnoreImplicit()) : nullptr;
    const clang::CXXMethodDecl *method = append ? append->getMethodDecl() : nullptr;
    if (!method || (method->getName() != "push_back" && method->getName() != "emplace_back") ||
        append->getNumArgs() != 1 || llvm::isa<clang::InitListExpr>(append->getArg(0)->IgnoreImplicit()) ||
        !containsCall(append->getArg(0)))
      return true;
    const auto *container = llvm::dyn_cast<clang::DeclRefExpr>(append->getImplicitObjectArgument()->IgnoreParenImpCasts());
    if (!container)
      return true;
    std::string result = unusedIdentifier(body, {"result", "mapped", "outcome"}, "concur_result");
    std::string indent = indentAt(sm, loop->getBeginLoc());
    std::string replacement = fmt::format(
        "for (auto &{} : {}.map([&]({}) {{ return {}; }}, {}))\n{}  {}.{}(std::move({}));", result, pool,
        text(item->getBeginLoc(), endOfToken(item->getLocation())), tokenText(append->getArg(0)->getSourceRange()),
        tokenText(loop->getRangeInit()->getSourceRange()), indent, tokenText(container->getSourceRange()),
        method->getName().str(), result);
    add(loop, replacement);
    return true;
  }

  std::vector<Rewrite> rewrites;

private:
  /// `out[i]`, an element of a local or a parameter by the loop's index.
  bool isElementAt(const clang::Expr *target, const clang::VarDecl *index) const {
    target = target->IgnoreParenImpCasts();
    if (const auto *sub = llvm::dyn_cast<clang::ArraySubscriptExpr>(target))
      return refersTo(sub->getIdx(), index);
    if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(target);
        op && op->getOperator() == clang::OO_Subscript && op->getNumArgs() == 2)
      return refersTo(op->getArg(1), index);
    return false;
  }

  /// The rewrite of `loop` (a dropped one, with no poolAt, when the loop cannot be edited).
  Rewrite &add(const clang::Stmt *loop, const std::string &replacement) {
    clang::SourceLocation begin = loop->getBeginLoc();
    clang::SourceLocation end = statementEnd(sm, lang, loop);
    if (begin.isMacroID() || end.isInvalid() || end.isMacroID() || !sm.isInMainFile(begin))
      return dropped = Rewrite{};
    Rewrite rewrite;
    rewrite.target = RewriteTarget::Map;
    rewrite.poolAt = locs.make(begin);
    rewrite.indent = indentAt(sm, begin);
    rewrite.pool = pool;
    rewrite.edits.push_back(Edit{locs.makeRange(begin, end), replacement});
    if (include)
      rewrite.edits.push_back(*include);
    rewrites.push_back(std::move(rewrite));
    return rewrites.back();
  }

  clang::SourceLocation endOfToken(clang::SourceLocation loc) const {
    return clang::Lexer::getLocForEndOfToken(loc, 0, sm, lang);
  }
  std::string text(clang::SourceLocation begin, clang::SourceLocation end) const {
    return clang::Lexer::getSourceText(clang::CharSourceRange::getCharRange(begin, end), sm, lang).str();
  }
  std::string tokenText(clang::SourceRange range) const {
    return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(range), sm, lang).str();
  }

  clang::ASTContext &ctx;
  const clang::SourceManager &sm;
  const clang::LangOptions &lang;
  LocMaker &locs;
  std::string body;
  std::string pool;
  std::optional<Edit> include;
  Rewrite dropped;
};

} // namespace

std::vector<Rewrite> planLoopMaps(const clang::FunctionDecl *fn, clang::ASTContext &ctx, LocMaker &locs) {
  const clang::LangOptions &lang = ctx.getLangOpts();
  if (!fn->getBody() || fn->isDependentContext() || fn->isTemplateInstantiation() ||
      !ctx.getSourceManager().isInMainFile(ctx.getSourceManager().getExpansionLoc(fn->getLocation())))
    return {};
  LoopMapPlanner planner(fn, ctx, locs);
  planner.TraverseStmt(fn->getBody());
  // The shape still tells phase 2 that the loop only keeps each call's result; the edits go.
  if (!lang.CPlusPlus20)
    for (Rewrite &rewrite : planner.rewrites) {
      rewrite.edits.clear();
      rewrite.blocker = lang.CPlusPlus ? "the runtime needs C++20 and this file is compiled with an older standard"
                                       : "C code: the runtime is a C++ library";
    }
  return std::move(planner.rewrites);
}

} // namespace concur
