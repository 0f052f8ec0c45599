#include "Names.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"

namespace concur {

std::string usrOf(const clang::Decl *decl) {
  llvm::SmallString<128> usr;
  if (!decl || clang::index::generateUSRForDecl(decl, usr))
    return "";
  return std::string(usr);
}

namespace {

/// Appends one context's name; false when the context contributes nothing to the name.
bool contextName(const clang::DeclContext *ctx, std::string &out, bool forDisplay) {
  if (const auto *ns = llvm::dyn_cast<clang::NamespaceDecl>(ctx)) {
    if (ns->isInline() && !forDisplay)
      return false;
    if (ns->isAnonymousNamespace())
      return forDisplay ? (out = "(anonymous namespace)", true) : false;
    out = ns->getNameAsString();
    return true;
  }
  if (const auto *record = llvm::dyn_cast<clang::CXXRecordDecl>(ctx)) {
    if (record->isLambda()) {
      out = "(lambda)";
      return true;
    }
    out = record->getNameAsString();
    return !out.empty();
  }
  if (const auto *record = llvm::dyn_cast<clang::RecordDecl>(ctx)) {
    out = record->getNameAsString();
    return !out.empty();
  }
  if (const auto *fn = llvm::dyn_cast<clang::FunctionDecl>(ctx)) {
    out = fn->getNameAsString();
    return forDisplay;
  }
  return false;
}

std::string qualifiedName(const clang::NamedDecl *decl, bool forDisplay) {
  std::vector<std::string> parts;
  for (const clang::DeclContext *ctx = decl->getDeclContext(); ctx; ctx = ctx->getParent()) {
    std::string part;
    if (contextName(ctx, part, forDisplay))
      parts.push_back(std::move(part));
  }
  std::string name;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it)
    name += *it + "::";
  if (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(decl);
      method && method->getParent()->isLambda())
    return name.empty() ? "(lambda)" : name.substr(0, name.size() - 2);
  return name + decl->getNameAsString();
}

} // namespace

std::string normalizedName(const clang::NamedDecl *decl) { return qualifiedName(decl, false); }

std::string displayName(const clang::NamedDecl *decl) { return qualifiedName(decl, true); }

std::string sourceText(const clang::SourceRange &range, const clang::SourceManager &sm,
                       const clang::LangOptions &lang) {
  clang::CharSourceRange chars = clang::CharSourceRange::getTokenRange(range);
  chars = clang::Lexer::makeFileCharRange(chars, sm, lang);
  if (chars.isInvalid())
    return "";
  std::string text = clang::Lexer::getSourceText(chars, sm, lang).str();
  if (size_t newline = text.find('\n'); newline != std::string::npos)
    text = text.substr(0, newline) + "...";
  return text;
}

bool textHasWord(llvm::StringRef text, llvm::StringRef word) {
  auto isIdent = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t at = text.find(word); at != llvm::StringRef::npos; at = text.find(word, at + 1)) {
    bool starts = at == 0 || !isIdent(text[at - 1]);
    bool ends = at + word.size() >= text.size() || !isIdent(text[at + word.size()]);
    if (starts && ends)
      return true;
  }
  return false;
}

} // namespace concur
