#include "AtomicCandidates.h"

#include "Includes.h"
#include "LocMaker.h"
#include "Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <map>

namespace concur {
namespace {

bool isCandidateType(clang::QualType type) {
  return !type.isConstQualified() && !type.isVolatileQualified() &&
         (type->isIntegralOrEnumerationType() || type->isPointerType()) && !type->isReferenceType();
}

bool isCandidate(const clang::VarDecl *var, const clang::SourceManager &sm) {
  return var && var->hasGlobalStorage() && !var->isStaticLocal() && var->getTLSKind() == clang::VarDecl::TLS_None &&
         isCandidateType(var->getType()) && !sm.isInSystemHeader(var->getLocation());
}

/// Whether one use of the variable compiles unchanged on std::atomic<T>.
bool simpleUse(const clang::DeclRefExpr *ref, clang::ASTContext &ctx) {
  auto parents = ctx.getParents(*ref);
  if (parents.size() != 1)
    return false;
  if (const auto *unary = parents[0].get<clang::UnaryOperator>())
    return unary->isIncrementDecrementOp();
  if (const auto *binary = parents[0].get<clang::BinaryOperator>()) {
    if (binary->getLHS()->IgnoreParens() != ref)
      return false;
    switch (binary->getOpcode()) {
    case clang::BO_Assign: case clang::BO_AddAssign: case clang::BO_SubAssign:
    case clang::BO_OrAssign: case clang::BO_AndAssign: case clang::BO_XorAssign:
      return true;
    default:
      return false;
    }
  }
  const auto *cast = parents[0].get<clang::ImplicitCastExpr>();
  if (!cast || cast->getCastKind() != clang::CK_LValueToRValue)
    return false;
  // A load, unless its value is handed to `...` or to a template that would deduce the atomic.
  auto grand = ctx.getParents(*cast);
  if (grand.size() == 1)
    if (const auto *call = grand[0].get<clang::CallExpr>()) {
      const clang::FunctionDecl *callee = call->getDirectCallee();
      if (!callee || callee->getPrimaryTemplate() || llvm::isa<clang::CXXOperatorCallExpr>(call))
        return false;
      for (unsigned i = 0; i < call->getNumArgs(); ++i)
        if (call->getArg(i)->IgnoreParenImpCasts() == ref && i >= callee->getNumParams())
          return false;
    }
  return true;
}

class UseCollector : public clang::RecursiveASTVisitor<UseCollector> {
public:
  UseCollector(clang::ASTContext &ctx) : ctx(ctx) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseDecl(clang::Decl *decl) {
    if (decl && !llvm::isa<clang::TranslationUnitDecl>(decl) &&
        ctx.getSourceManager().isInSystemHeader(decl->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(decl);
  }
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (!isCandidate(var, ctx.getSourceManager()))
      return true;
    bool &simple = uses.try_emplace(var->getCanonicalDecl(), true).first->second;
    simple = simple && simpleUse(ref, ctx);
    return true;
  }
  std::map<const clang::VarDecl *, bool> uses;

private:
  clang::ASTContext &ctx;
};

} // namespace

std::vector<AtomicCandidate> findAtomicCandidates(clang::ASTContext &ctx, LocMaker &locs) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  std::vector<AtomicCandidate> out;
  if (!ctx.getLangOpts().CPlusPlus11)
    return out; // C gets the diagnostic only
  UseCollector collector(ctx);
  collector.TraverseDecl(ctx.getTranslationUnitDecl());
  std::optional<Edit> include = addIncludeEdit(sm, locs, "atomic");
  for (const auto &[canonical, simple] : collector.uses) {
    AtomicCandidate candidate;
    candidate.usr = usrOf(canonical);
    candidate.simple = simple;
    // The edits: only for a lone definition in the main file, outside macros, one declarator.
    const clang::VarDecl *definition = canonical->getDefinition();
    bool lone = definition && definition->getPreviousDecl() == nullptr && definition->getTypeSourceInfo();
    if (simple && lone && sm.isInMainFile(definition->getLocation())) {
      clang::SourceRange typeRange = definition->getTypeSourceInfo()->getTypeLoc().getSourceRange();
      bool plain = typeRange.isValid() && typeRange.getBegin().isFileID() && typeRange.getEnd().isFileID();
      if (plain) {
        clang::CharSourceRange chars = clang::CharSourceRange::getTokenRange(typeRange);
        std::string typeText = clang::Lexer::getSourceText(chars, sm, ctx.getLangOpts()).str();
        clang::SourceLocation end = clang::Lexer::getLocForEndOfToken(typeRange.getEnd(), 0, sm, ctx.getLangOpts());
        Range range = locs.makeRange(typeRange.getBegin(), end);
        if (!typeText.empty() && range.length == typeText.size()) {
          while (!typeText.empty() && typeText.back() == ' ')
            typeText.pop_back();
          // `unsigned *cursor`: the name follows the type with no space; keep them apart.
          llvm::StringRef buffer = sm.getBufferData(sm.getFileID(sm.getExpansionLoc(typeRange.getBegin())));
          size_t after = range.begin.offset + range.length;
          bool glued = after < buffer.size() && (std::isalnum(static_cast<unsigned char>(buffer[after])) || buffer[after] == '_');
          candidate.edits.push_back(Edit{range, "std::atomic<" + typeText + ">" + (glued ? " " : "")});
          if (include)
            candidate.edits.push_back(*include);
        }
      }
    }
    out.push_back(std::move(candidate));
  }
  std::sort(out.begin(), out.end(), [](const AtomicCandidate &a, const AtomicCandidate &b) { return a.usr < b.usr; });
  return out;
}

} // namespace concur
