#include "ProcessPoolPlan.h"

#include "AstQueries.h"
#include "Includes.h"
#include "JoinAllStatements.h"
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

namespace concur {
namespace {

/// A type concur::codec copies: scalars, trivially copyable structs, std::string.
bool hasCodec(clang::QualType type, const clang::ASTContext &ctx) {
  type = type.getNonReferenceType().getUnqualifiedType();
  if (type->isVoidType() || type->isPointerType() || type->isMemberPointerType())
    return false;
  if (type->isScalarType())
    return true;
  const clang::CXXRecordDecl *record = type->getAsCXXRecordDecl();
  if (record && record->isInStdNamespace() && record->getName() == "basic_string")
    return true;
  return record && !record->isLocalClass() && type.isTriviallyCopyableType(ctx);
}

class Uses : public clang::RecursiveASTVisitor<Uses> {
public:
  explicit Uses(const clang::VarDecl *var) : var(var) {}
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    if (ref->getDecl() == var)
      refs.push_back(ref);
    return true;
  }
  const clang::VarDecl *var;
  std::vector<const clang::DeclRefExpr *> refs;
};

/// The written type of the threads an array or container holds (`std::thread` in
/// `std::thread ts[4]`, `std::array<std::thread, 4>` or `std::vector<std::thread>`).
std::optional<clang::SourceRange> elementTypeRange(const clang::VarDecl *threads) {
  if (!threads->getTypeSourceInfo())
    return std::nullopt;
  clang::TypeLoc type = threads->getTypeSourceInfo()->getTypeLoc();
  if (auto array = type.getAs<clang::ConstantArrayTypeLoc>())
    return array.getElementLoc().getSourceRange();
  if (auto elaborated = type.getAs<clang::ElaboratedTypeLoc>())
    type = elaborated.getNamedTypeLoc();
  auto specialization = type.getAs<clang::TemplateSpecializationTypeLoc>();
  if (!specialization || specialization.getNumArgs() < 1 ||
      specialization.getArgLoc(0).getArgument().getKind() != clang::TemplateArgument::Type)
    return std::nullopt;
  return specialization.getArgLoc(0).getTypeSourceInfo()->getTypeLoc().getSourceRange();
}

} // namespace

std::optional<Rewrite> planProcessPool(const ProcessPoolSite &site, clang::ASTContext &ctx, LocMaker &locs,
                                       std::string &why) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  const clang::LangOptions &lang = ctx.getLangOpts();
  auto tokenText = [&](clang::SourceRange r) {
    return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(r), sm, lang).str();
  };
  auto endOfToken = [&](clang::SourceLocation l) { return clang::Lexer::getLocForEndOfToken(l, 0, sm, lang); };
  auto inFile = [&](clang::SourceRange r) {
    return r.getBegin().isFileID() && r.getEnd().isFileID() && sm.isInMainFile(r.getBegin());
  };

  // The thread's work: a lambda whose one statement stores f(args) in the slot of the index.
  const auto *emplace = llvm::dyn_cast<clang::CXXMemberCallExpr>(site.start);
  const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(site.start);
  const clang::Expr *callable = emplace && emplace->getNumArgs() == 1       ? emplace->getArg(0)
                                : construct && construct->getNumArgs() == 1 ? construct->getArg(0)
                                                                            : nullptr;
  if (!callable)
    return std::nullopt;
  const auto *lambda = llvm::dyn_cast<clang::LambdaExpr>(callable->IgnoreImplicit());
  if (!lambda || lambda->getCallOperator()->getNumParams() != 0 || lambda->isMutable())
    return std::nullopt;
  const auto *store = llvm::dyn_cast_or_null<clang::Expr>(onlyStatement(lambda->getBody()));
  const clang::Expr *slot = nullptr, *value = nullptr;
  if (const auto *assign = store ? llvm::dyn_cast<clang::BinaryOperator>(store->IgnoreImplicit()) : nullptr;
      assign && assign->getOpcode() == clang::BO_Assign)
    slot = assign->getLHS(), value = assign->getRHS();
  else if (const auto *op = store ? llvm::dyn_cast<clang::CXXOperatorCallExpr>(store->IgnoreImplicit()) : nullptr;
           op && op->getOperator() == clang::OO_Equal)
    slot = op->getArg(0), value = op->getArg(1);
  if (!slot)
    return std::nullopt;
  const auto *call = llvm::dyn_cast<clang::CallExpr>(value->IgnoreImplicit());
  const clang::FunctionDecl *work = call ? call->getDirectCallee() : nullptr;
  if (!work || !runsInWorker(work, ctx, &why))
    return std::nullopt;

  // The loop: `for (T i = 0; i < n; ++i)` around the start and nothing else, the slot `x[i]`.
  const clang::ForStmt *loop = nullptr;
  for (auto parents = ctx.getParents(*site.start); !parents.empty(); parents = ctx.getParents(parents[0])) {
    if ((loop = parents[0].get<clang::ForStmt>()))
      break;
    if (!parents[0].get<clang::Expr>() && !parents[0].get<clang::CompoundStmt>())
      return std::nullopt;
  }
  if (!loop || !onlyStatement(loop->getBody()) || !loop->getCond() || !loop->getInit())
    return std::nullopt;
  const auto *init = llvm::dyn_cast<clang::DeclStmt>(loop->getInit());
  const auto *index = init && init->isSingleDecl() ? llvm::dyn_cast<clang::VarDecl>(init->getSingleDecl()) : nullptr;
  const auto *zero = index && index->getInit() ? llvm::dyn_cast<clang::IntegerLiteral>(index->getInit()->IgnoreParenImpCasts())
                                               : nullptr;
  const auto *cond = llvm::dyn_cast<clang::BinaryOperator>(loop->getCond()->IgnoreParenImpCasts());
  if (!zero || zero->getValue() != 0 || !cond || cond->getOpcode() != clang::BO_LT || !refersTo(cond->getLHS(), index) ||
      !isPlainCount(cond->getRHS()) || !index->getTypeSourceInfo())
    return std::nullopt;
  const auto *element = llvm::dyn_cast<clang::ArraySubscriptExpr>(slot->IgnoreParenImpCasts());
  const auto *subscript = llvm::dyn_cast<clang::CXXOperatorCallExpr>(slot->IgnoreParenImpCasts());
  bool byIndex = (element && refersTo(element->getIdx(), index)) ||
                 (subscript && subscript->getOperator() == clang::OO_Subscript && refersTo(subscript->getArg(1), index));
  bool capturedIndex = false;
  for (const clang::LambdaCapture &capture : lambda->captures())
    capturedIndex |= capture.capturesVariable() && capture.getCapturedVar() == index &&
                     capture.getCaptureKind() == clang::LCK_ByCopy;
  if (!byIndex || !capturedIndex)
    return std::nullopt;

  // The threads are started there and joined by one loop, nothing else.
  Uses uses(site.threads);
  uses.TraverseStmt(site.function->getBody());
  const clang::Stmt *joins = nullptr;
  for (const clang::DeclRefExpr *ref : uses.refs) {
    if ((emplace && emplace->getImplicitObjectArgument()->IgnoreParenImpCasts() == ref) ||
        (construct && storesIntoSlot(ctx, ref, construct)))
      continue;
    const clang::Stmt *all = joinAllStatement(ctx, ref, site.threads);
    if (!all || (joins && joins != all))
      return std::nullopt;
    joins = all;
  }
  if (!joins)
    return std::nullopt;
  std::optional<clang::SourceRange> typeRange = elementTypeRange(site.threads);
  // What the start replaces: the lambda given to emplace_back, or the whole `std::thread(…)`.
  const clang::Expr *replaced = callable;
  if (construct)
    meaningfulParent(ctx, construct, &replaced);
  clang::SourceLocation joinsEnd = statementEnd(sm, lang, joins);
  if (!typeRange || !inFile(*typeRange) || !inFile(replaced->getSourceRange()) || !inFile(joins->getSourceRange()) ||
      joinsEnd.isInvalid() || !inFile(call->getSourceRange()))
    return std::nullopt;

  Rewrite rewrite;
  rewrite.target = RewriteTarget::ProcessPool;
  rewrite.spawns = {site.spawn};
  rewrite.poolAt = site.poolAt;
  rewrite.indent = site.indent;
  rewrite.pool = site.pool;
  std::string result = work->getReturnType().getUnqualifiedType().getAsString(clang::PrintingPolicy(lang));
  rewrite.edits.push_back(Edit{locs.makeRange(typeRange->getBegin(), endOfToken(typeRange->getEnd())),
                               fmt::format("concur::future<{}>", result)});
  std::string arguments;
  for (const clang::Expr *arg : call->arguments())
    arguments += ", " + tokenText(arg->getSourceRange());
  rewrite.edits.push_back(Edit{locs.makeRange(replaced->getBeginLoc(), endOfToken(replaced->getEndLoc())),
                               fmt::format("{}.submit({}{})", site.pool, work->getName().str(), arguments)});
  std::string indent = indentAt(sm, joins->getBeginLoc());
  rewrite.edits.push_back(Edit{
      locs.makeRange(joins->getBeginLoc(), joinsEnd),
      fmt::format("for ({} {} = 0; {} < {}; ++{})\n{}  {} = {}[{}].result();",
                  tokenText(index->getTypeSourceInfo()->getTypeLoc().getSourceRange()), index->getName().str(),
                  index->getName().str(), tokenText(cond->getRHS()->getSourceRange()), index->getName().str(), indent,
                  tokenText(slot->getSourceRange()), site.threads->getName().str(), index->getName().str())});
  std::vector<Edit> registration = registerInWorkers(work, ctx, locs);
  rewrite.edits.insert(rewrite.edits.end(), registration.begin(), registration.end());
  return rewrite;
}

bool runsInWorker(const clang::FunctionDecl *work, clang::ASTContext &ctx, std::string *why) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  if (llvm::isa<clang::CXXMethodDecl>(work) || work->isTemplateInstantiation() || !work->hasBody() ||
      !work->getDeclContext()->getRedeclContext()->isFileContext() ||
      !sm.isInMainFile(sm.getExpansionLoc(work->getBody()->getEndLoc())))
    return false;
  clang::PrintingPolicy policy(ctx.getLangOpts());
  if (!hasCodec(work->getReturnType(), ctx)) {
    if (why)
      *why = fmt::format("'{}' returns '{}', which a process pool cannot copy back from a worker (no codec)",
                         work->getNameAsString(), work->getReturnType().getAsString(policy));
    return false;
  }
  for (const clang::ParmVarDecl *param : work->parameters())
    if (!hasCodec(param->getType(), ctx) ||
        (param->getType()->isReferenceType() && !param->getType().getNonReferenceType().isConstQualified())) {
      if (why)
        *why = fmt::format("'{}' takes '{}' as '{}', which a process pool cannot copy to a worker", work->getNameAsString(),
                           param->getNameAsString(), param->getType().getAsString(policy));
      return false;
    }
  return true;
}

std::vector<Edit> registerInWorkers(const clang::FunctionDecl *work, clang::ASTContext &ctx, LocMaker &locs) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  // The function is registered where it is defined, at namespace scope.
  clang::SourceLocation afterBody =
      clang::Lexer::getLocForEndOfToken(work->getBody()->getEndLoc(), 0, sm, ctx.getLangOpts());
  std::vector<Edit> edits{
      Edit{locs.makeRange(afterBody, afterBody), fmt::format("\nCONCUR_REGISTER({});", work->getName().str())}};
  if (std::optional<Edit> include = addIncludeEdit(sm, locs, "concur/process_pool.hpp"))
    edits.push_back(*include);
  return edits;
}

} // namespace concur
