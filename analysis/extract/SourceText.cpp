#include "SourceText.h"

#include "Includes.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace concur {

std::string indentAt(const clang::SourceManager &sm, clang::SourceLocation loc) {
  std::pair<clang::FileID, unsigned> at = sm.getDecomposedLoc(loc);
  llvm::StringRef buffer = sm.getBufferData(at.first);
  size_t lineStart = buffer.rfind('\n', at.second == 0 ? 0 : at.second - 1);
  lineStart = lineStart == llvm::StringRef::npos ? 0 : lineStart + 1;
  llvm::StringRef indent = buffer.slice(lineStart, at.second);
  return indent.find_first_not_of(" \t") == llvm::StringRef::npos ? indent.str() : "";
}

std::string unusedIdentifier(llvm::StringRef text, llvm::ArrayRef<const char *> candidates, const char *fallback) {
  auto isWordChar = [&](size_t i) { return std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'; };
  for (const char *candidate : candidates) {
    llvm::StringRef name(candidate);
    bool used = false;
    for (size_t at = text.find(name); at != llvm::StringRef::npos && !used; at = text.find(name, at + 1)) {
      size_t end = at + name.size();
      used = (at == 0 || !isWordChar(at - 1)) && (end >= text.size() || !isWordChar(end));
    }
    if (!used)
      return candidate;
  }
  return fallback;
}

bool isPlainCount(const clang::Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (llvm::isa<clang::DeclRefExpr, clang::IntegerLiteral>(e))
    return true;
  if (const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e))
    return call->getNumArgs() == 0 && call->getMethodDecl() && call->getMethodDecl()->getName() == "size" &&
           llvm::isa<clang::DeclRefExpr, clang::MemberExpr>(call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e))
    return isPlainCount(member->getBase());
  return false;
}

const clang::Stmt *onlyStatement(const clang::Stmt *body) {
  if (const auto *block = llvm::dyn_cast_or_null<clang::CompoundStmt>(body))
    return block->size() == 1 ? block->body_front() : nullptr;
  return body;
}

bool refersTo(const clang::Expr *e, const clang::VarDecl *var) {
  const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  return ref && ref->getDecl() == var;
}

std::optional<Edit> threadPoolInclude(const clang::SourceManager &sm, LocMaker &locs) {
  if (sm.getBufferData(sm.getMainFileID()).contains("#include <concur/concur.hpp>"))
    return std::nullopt;
  return addIncludeEdit(sm, locs, "concur/thread_pool.hpp");
}

} // namespace concur
