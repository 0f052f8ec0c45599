#include "../Extract.h"

#include "../Models.h"
#include "AtomicCandidates.h"
#include "CoroutinePlan.h"
#include "FunctionFacts.h"
#include "LocMaker.h"
#include "LoopMapPlans.h"
#include "RewritePlans.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>

namespace concur {
namespace {

/// Every function definition written in the project (not in system headers), including
/// instantiations of the project's templates and lambda call operators.
class DefinitionVisitor : public clang::RecursiveASTVisitor<DefinitionVisitor> {
public:
  DefinitionVisitor(clang::ASTContext &ctx, const ModelDatabase &models, Summary &summary)
      : ctx(ctx), models(models), summary(summary), locs(ctx.getSourceManager(), summary) {
    collectPointerValues(ctx, descriptors);
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(clang::Decl *decl) {
    // System headers hold no project code: skipping them is most of the speed.
    if (decl && !llvm::isa<clang::TranslationUnitDecl>(decl) &&
        ctx.getSourceManager().isInSystemHeader(decl->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(decl);
  }

  bool VisitFunctionDecl(clang::FunctionDecl *fn) {
    // Template patterns are summarised too (a template nobody instantiates still has a
    // workload); calls that depend on the template's parameters are left out of them.
    if (!fn->doesThisDeclarationHaveABody() || fn->isInvalidDecl())
      return true;
    if (const auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(fn);
        method && method->getParent()->isLambda())
      return true; // summarised with its lambda expression, which knows the captures
    add(fn, nullptr);
    return true;
  }

  bool VisitLambdaExpr(clang::LambdaExpr *lambda) {
    clang::CXXMethodDecl *op = lambda->getCallOperator();
    if (op && op->hasBody())
      add(op, lambda);
    return true;
  }

private:
  void add(const clang::FunctionDecl *fn, const clang::LambdaExpr *lambda) {
    if (!seen.insert(fn).second)
      return;
    Function facts = extractFunction(fn, lambda, ctx, models, locs, descriptors);
    facts.rewrites = planRewrites(fn, facts, ctx, locs);
    for (Rewrite &connection : planCoroutines(fn, facts, ctx, locs, models))
      facts.rewrites.push_back(std::move(connection));
    if (!facts.loops.empty())
      for (Rewrite &loop : planLoopMaps(fn, ctx, locs))
        facts.rewrites.push_back(std::move(loop));
    facts.usesThreadLocal = usesThreadLocal(fn);
    summary.functions.push_back(std::move(facts));
  }

  clang::ASTContext &ctx;
  const ModelDatabase &models;
  Summary &summary;
  LocMaker locs;
  UnitFacts descriptors;
  llvm::DenseSet<const clang::FunctionDecl *> seen;
};

class SummaryConsumer : public clang::ASTConsumer {
public:
  SummaryConsumer(const ModelDatabase &models, ExtractResult &result) : models(models), result(result) {}
  void HandleTranslationUnit(clang::ASTContext &ctx) override {
    DefinitionVisitor visitor(ctx, models, result.summary);
    visitor.TraverseDecl(ctx.getTranslationUnitDecl());
    LocMaker locs(ctx.getSourceManager(), result.summary);
    result.summary.atomicCandidates = findAtomicCandidates(ctx, locs);
    const clang::SourceManager &sm = ctx.getSourceManager();
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
      // The real path: `..` after a symlinked directory (/lib -> /usr/lib) cannot be removed
      // by text alone, and the cache must re-read exactly the file the parse read.
      llvm::SmallString<256> path(it->first.getFileEntry().tryGetRealPathName());
      if (path.empty()) {
        path = it->first.getName();
        sm.getFileManager().makeAbsolutePath(path);
      }
      result.inputs.push_back(std::string(path));
    }
  }

private:
  const ModelDatabase &models;
  ExtractResult &result;
};

class SummaryAction : public clang::ASTFrontendAction {
public:
  SummaryAction(const ModelDatabase &models, ExtractResult &result) : models(models), result(result) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<SummaryConsumer>(models, result);
  }

private:
  const ModelDatabase &models;
  ExtractResult &result;
};

class SummaryActionFactory : public clang::tooling::FrontendActionFactory {
public:
  SummaryActionFactory(const ModelDatabase &models, ExtractResult &result) : models(models), result(result) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<SummaryAction>(models, result);
  }

private:
  const ModelDatabase &models;
  ExtractResult &result;
};

/// Collects the compiler's own diagnostics into the summary instead of printing them.
class MessageCollector : public clang::DiagnosticConsumer {
public:
  explicit MessageCollector(Summary &summary) : summary(summary) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error)
      return;
    CompilerMessage message;
    message.level = level == clang::DiagnosticsEngine::Fatal ? "fatal" : "error";
    llvm::SmallString<128> text;
    info.FormatDiagnostic(text);
    message.message = std::string(text);
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      if (!locs)
        locs = std::make_unique<LocMaker>(info.getSourceManager(), summary);
      message.loc = locs->make(info.getLocation());
    }
    summary.messages.push_back(std::move(message));
  }

private:
  Summary &summary;
  std::unique_ptr<LocMaker> locs;
};

/// A database of exactly one command, so ClangTool applies its usual argument adjusters.
class SingleCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(clang::tooling::CompileCommand command) : command(std::move(command)) {}
  std::vector<clang::tooling::CompileCommand> getCompileCommands(llvm::StringRef) const override {
    return {command};
  }
  std::vector<std::string> getAllFiles() const override { return {command.Filename}; }

private:
  clang::tooling::CompileCommand command;
};

} // namespace

ExtractResult extractTranslationUnit(const CompileJob &job, const ModelDatabase &models) {
  ExtractResult result;
  clang::tooling::CompileCommand command(job.directory, job.file, job.arguments, "");
  // Builtin headers live beside the Clang we link, not beside this binary.
  command.CommandLine.insert(command.CommandLine.begin() + 1,
                             "-resource-dir=" CONCUR_CLANG_RESOURCE_DIR);
  SingleCommandDatabase database(command);
  clang::tooling::ClangTool tool(database, {job.file},
                                 std::make_shared<clang::PCHContainerOperations>(),
                                 llvm::vfs::createPhysicalFileSystem());
  tool.setPrintErrorMessage(false);
  MessageCollector messages(result.summary);
  tool.setDiagnosticConsumer(&messages);
  SummaryActionFactory factory(models, result);
  int status = tool.run(&factory);
  llvm::SmallString<256> main(job.file);
  if (!llvm::sys::path::is_absolute(main))
    llvm::sys::fs::make_absolute(job.directory, main);
  llvm::sys::path::remove_dots(main, true);
  result.summary.mainFile = std::string(main);
  if (status != 0 && !result.summary.hasErrors())
    result.summary.messages.push_back(
        CompilerMessage{"error", "the compiler could not process this file", Loc{}});
  std::sort(result.inputs.begin(), result.inputs.end());
  result.inputs.erase(std::unique(result.inputs.begin(), result.inputs.end()), result.inputs.end());
  return result;
}

} // namespace concur
