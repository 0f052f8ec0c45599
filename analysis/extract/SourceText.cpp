#include "SourceText.h"

#include "Includes.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

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

bool semicolonFollows(const clang::Stmt *statement) {
  if (llvm::isa<clang::CompoundStmt, clang::DeclStmt, clang::NullStmt>(statement))
    return false;
  if (const auto *loop = llvm::dyn_cast<clang::ForStmt>(statement))
    return semicolonFollows(loop->getBody());
  if (const auto *loop = llvm::dyn_cast<clang::CXXForRangeStmt>(statement))
    return semicolonFollows(loop->getBody());
  if (const auto *loop = llvm::dyn_cast<clang::WhileStmt>(statement))
    return semicolonFollows(loop->getBody());
  if (const auto *branch = llvm::dyn_cast<clang::IfStmt>(statement))
    return semicolonFollows(branch->getElse() ? branch->getElse() : branch->getThen());
  return true;
}

clang::SourceLocation statementEnd(const clang::SourceManager &sm, const clang::LangOptions &lang,
                                   const clang::Stmt *statement) {
  return semicolonFollows(statement)
             ? clang::Lexer::findLocationAfterToken(statement->getEndLoc(), clang::tok::semi, sm, lang,
                                                    /*SkipTrailingWhitespaceAndNewLine=*/false)
             : clang::Lexer::getLocForEndOfToken(statement->getEndLoc(), 0, sm, lang);
}

std::pair<clang::SourceLocation, clang::SourceLocation>
statementDeletion(const clang::SourceManager &sm, const clang::LangOptions &lang, const clang::Stmt *statement) {
  clang::SourceLocation begin = statement->getBeginLoc();
  clang::SourceLocation end = statementEnd(sm, lang, statement);
  if (end.isInvalid() || !begin.isFileID() || !end.isFileID())
    return {begin, end};
  std::pair<clang::FileID, unsigned> b = sm.getDecomposedLoc(begin), e = sm.getDecomposedLoc(end);
  llvm::StringRef buffer = sm.getBufferData(b.first);
  size_t lineStart = buffer.rfind('\n', b.second == 0 ? 0 : b.second - 1);
  lineStart = lineStart == llvm::StringRef::npos ? 0 : lineStart + 1;
  size_t lineEnd = buffer.find('\n', e.second);
  bool aloneOnLines = buffer.slice(lineStart, b.second).trim().empty() &&
                      (lineEnd == llvm::StringRef::npos || buffer.slice(e.second, lineEnd).trim().empty());
  if (!aloneOnLines)
    return {begin, end};
  return {begin.getLocWithOffset(-int(b.second - lineStart)),
          end.getLocWithOffset(int((lineEnd == llvm::StringRef::npos ? buffer.size() : lineEnd + 1) - e.second))};
}

std::optional<Edit> threadPoolInclude(const clang::SourceManager &sm, LocMaker &locs) {
  if (sm.getBufferData(sm.getMainFileID()).contains("#include <concur/concur.hpp>"))
    return std::nullopt;
  return addIncludeEdit(sm, locs, "concur/thread_pool.hpp");
}

} // namespace concur
