#include "GuardSites.h"

#include "../Models.h"
#include "Includes.h"
#include "LocMaker.h"
#include "Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSet.h"

namespace concur {
namespace {

bool isStdMutex(clang::QualType type) {
  if (type->isReferenceType())
    return false;
  const auto *record = type->getAsCXXRecordDecl();
  return record && normalizedName(record) == "std::mutex";
}

/// Namespace-scope and static-member std::mutex objects written in the project.
void collectMutexes(const clang::DeclContext *dc, const clang::SourceManager &sm,
                    std::vector<const clang::VarDecl *> &out) {
  for (const clang::Decl *decl : dc->decls()) {
    if (sm.isInSystemHeader(decl->getLocation()))
      continue;
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(decl)) {
      if (var->hasGlobalStorage() && !var->isStaticLocal() && isStdMutex(var->getType()) &&
          std::find(out.begin(), out.end(), var->getCanonicalDecl()) == out.end())
        out.push_back(var->getCanonicalDecl());
    } else if (const auto *record = llvm::dyn_cast<clang::CXXRecordDecl>(decl)) {
      if (record->isThisDeclarationADefinition() && !record->isLambda() && !record->isDependentContext())
        collectMutexes(record, sm, out);
    } else if (llvm::isa<clang::NamespaceDecl, clang::LinkageSpecDecl>(decl)) {
      collectMutexes(llvm::cast<clang::DeclContext>(decl), sm, out);
    }
  }
}

/// Every name a local or parameter of `fn` (or of the function around its lambda) declares:
/// any of them could hide a mutex of the same name.
class LocalNames : public clang::RecursiveASTVisitor<LocalNames> {
public:
  bool VisitVarDecl(clang::VarDecl *var) {
    names.insert(var->getName());
    return true;
  }
  llvm::StringSet<> names;
};

/// Unqualified lookup of `var`'s name from `fn`'s scopes finds `var` itself.
bool foundByLookup(const clang::FunctionDecl *fn, const clang::VarDecl *var) {
  clang::DeclarationName name = var->getDeclName();
  for (const clang::DeclContext *dc = fn->getDeclContext(); dc; dc = dc->getParent()) {
    if (dc->isTransparentContext() || dc->isFunctionOrMethod())
      continue; // locals were checked by name; extern "C" blocks are looked up from outside
    if (const auto *record = llvm::dyn_cast<clang::CXXRecordDecl>(dc)) {
      if (record->isLambda())
        continue;
      bool basesSilent = record->forallBases(
          [&](const clang::CXXRecordDecl *base) { return base->lookup(name).empty(); });
      if (record->getNumBases() && !basesSilent)
        return false;
    }
    clang::DeclContext::lookup_result found = dc->lookup(name);
    if (found.empty())
      continue;
    return found.isSingleResult() && found.front()->getCanonicalDecl() == var->getCanonicalDecl();
  }
  return false;
}

} // namespace

int32_t GuardSites::statementOf(const clang::Stmt *anchor) {
  if (!ctx.getLangOpts().CPlusPlus11)
    return -1; // std::lock_guard is C++
  // Up to the statement that is a direct child of a block: the one a guard would wrap.
  const clang::Stmt *statement = anchor;
  for (;;) {
    auto parents = ctx.getParents(*statement);
    const clang::Stmt *parent = parents.size() == 1 ? parents[0].get<clang::Stmt>() : nullptr;
    if (!parent || llvm::isa<clang::LambdaExpr>(parent))
      return -1; // a declaration's initialiser, a capture
    if (llvm::isa<clang::CompoundStmt>(parent))
      break;
    statement = parent;
  }
  // Only an expression statement: wrapping a declaration hides its name from what follows,
  // wrapping an if or a loop would guard more than the access.
  if (!llvm::isa<clang::Expr>(statement))
    return -1;
  auto [it, inserted] = indexOf.try_emplace(statement, -1);
  if (inserted)
    if (std::optional<GuardableStatement> guardable = describe(statement)) {
      statements.push_back(std::move(*guardable));
      it->second = int32_t(statements.size() - 1);
    }
  return it->second;
}

std::optional<GuardableStatement> GuardSites::describe(const clang::Stmt *statement) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  clang::SourceLocation begin = statement->getBeginLoc(), end = statement->getEndLoc();
  if (begin.isMacroID() || end.isMacroID() || !sm.isInMainFile(begin) || !callsNothingThatLocks(statement))
    return std::nullopt;
  clang::SourceLocation afterSemicolon =
      clang::Lexer::findLocationAfterToken(end, clang::tok::semi, sm, ctx.getLangOpts(), false);
  if (afterSemicolon.isInvalid())
    return std::nullopt;
  GuardableStatement out;
  out.range = locs.makeRange(begin, afterSemicolon);
  if (out.range.length == 0)
    return std::nullopt;
  llvm::StringRef text = clang::Lexer::getSourceText(clang::CharSourceRange::getCharRange(begin, afterSemicolon),
                                                     sm, ctx.getLangOpts());
  for (const char *name : {"lock", "guard", "lock_", "guard_"})
    if (!textHasWord(text, name)) {
      out.guardName = name;
      break;
    }
  if (out.guardName.empty())
    return std::nullopt;
  if (!unit.include)
    unit.include = addIncludeEdit(sm, locs, "mutex");
  if (*unit.include)
    out.include.push_back(**unit.include);
  return out;
}

/// Holding a std::mutex around the statement must not change what it does: no call that may
/// take a lock (the same mutex would deadlock), wait, block or start a thread, and no project
/// code at all, whose locks the extractor would have to follow.
bool GuardSites::callsNothingThatLocks(const clang::Stmt *s) const {
  if (!s)
    return true;
  const clang::SourceManager &sm = ctx.getSourceManager();
  if (llvm::isa<clang::LambdaExpr, clang::CXXThrowExpr, clang::CXXDeleteExpr, clang::CoawaitExpr,
                clang::CoyieldExpr, clang::StmtExpr>(s))
    return false;
  auto libraryOnly = [&](const clang::FunctionDecl *callee) {
    if (!callee)
      return false; // through a pointer: anything
    bool library = callee->getBuiltinID() || callee->isTrivial() || sm.isInSystemHeader(callee->getLocation());
    const Model *model = models.lookup(normalizedName(callee));
    bool harmless = !model || (model->lock == LockAction::None && model->effect.sync == SyncKind::None &&
                               model->effect.io == IoKind::None && !model->threadEntry.present());
    return library && harmless;
  };
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s); call && !libraryOnly(call->getDirectCallee()))
    return false;
  if (const auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(s);
      construct && !libraryOnly(construct->getConstructor()))
    return false;
  if (const auto *bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(s))
    if (const clang::CXXDestructorDecl *dtor = bind->getTemporary()->getDestructor(); dtor && !libraryOnly(dtor))
      return false;
  for (const clang::Stmt *child : s->children())
    if (!callsNothingThatLocks(child))
      return false;
  return true;
}

std::vector<HeldLock> GuardSites::nameableMutexes() {
  std::vector<HeldLock> out;
  // The function around a lambda declares names the lambda sees too.
  const clang::FunctionDecl *outer = fn;
  while (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(outer)) {
    const auto *enclosing = llvm::dyn_cast<clang::FunctionDecl>(method->getParent()->getDeclContext());
    if (!method->getParent()->isLambda() || !enclosing)
      break;
    outer = enclosing;
  }
  LocalNames locals;
  if (outer->getBody())
    locals.TraverseStmt(outer->getBody());
  for (const clang::FunctionDecl *f : {fn, outer})
    for (const clang::ParmVarDecl *param : f->parameters())
      locals.names.insert(param->getName());
  // The fields of a method's own class (a lambda's `this` capture is left out).
  if (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(fn);
      method && !method->isStatic() && !method->getParent()->isLambda())
    for (const clang::FieldDecl *field : method->getParent()->fields())
      if (isStdMutex(field->getType()) && !locals.names.contains(field->getName()))
        out.push_back(HeldLock{"p:this." + field->getNameAsString(), field->getNameAsString(), false});
  const clang::SourceManager &sm = ctx.getSourceManager();
  if (!unit.collected) {
    collectMutexes(ctx.getTranslationUnitDecl(), sm, unit.globals);
    unit.collected = true;
  }
  for (const clang::VarDecl *global : unit.globals)
    if (!locals.names.contains(global->getName()) && fn->getBody() &&
        sm.isBeforeInTranslationUnit(global->getLocation(), fn->getBody()->getBeginLoc()) &&
        foundByLookup(fn, global))
      out.push_back(HeldLock{"g:" + usrOf(global), global->getNameAsString(), false});
  return out;
}

} // namespace concur
