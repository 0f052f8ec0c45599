// The call-level half of the coroutine rewrite: code that will run on an event loop awaits the
// runtime's counterpart of each blocking call (`recv` -> `co_await concur::sys::recv`, from the
// models' `awaitable`), and a project function that reaches one becomes a coroutine itself
// (`std::string read_line(int)` -> `concur::task<std::string> read_line(int)`, its callers
// `co_await` it). Anything that would still block the loop's thread is a blocker, named.
#pragma once

#include "../Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class SourceLocation;
class Stmt;
} // namespace clang

namespace concur {

class LocMaker;
class ModelDatabase;
struct Model;

class AwaitConversion {
public:
  AwaitConversion(clang::ASTContext &ctx, const ModelDatabase &models, LocMaker &locs);

  /// `s` becomes coroutine code (the accept loop): its calls are converted, except inside the
  /// `skip` statements (rewritten by the caller); `what` names it in a blocker.
  bool convertStatement(const clang::Stmt *s, llvm::ArrayRef<const clang::Stmt *> skip, const std::string &what);
  /// A lambda's body that becomes a coroutine's: its calls and its returns are converted.
  bool convertLambdaBody(const clang::Stmt *body);
  /// `fn` becomes a coroutine returning concur::task<its type> (the spawned handler).
  bool convertFunction(const clang::FunctionDecl *fn);
  /// Whether evaluating `s` outside coroutine code is fine: nothing in it needs awaiting.
  bool awaitsNothing(const clang::Stmt *s);
  /// Whether calling `fn` would have to suspend: it reaches a call with an awaitable form.
  bool needsAwait(const clang::FunctionDecl *fn);
  /// Every use of a function made a coroutine must be a call converted here, or `allowed`.
  bool checkUses(const clang::Expr *allowed);

  const std::vector<Edit> &edits() const { return edits_; }
  const std::string &blocker() const { return blocker_; }
  /// Whether a `concur::sys` call was written (the rewrite then includes <concur/sys.hpp>).
  bool usesSys() const { return usesSys_; }

private:
  enum class Role : uint8_t { Plain, Awaitable, Replaced, Project, Blocks, Locks, Unknown };
  struct Body;
  /// What a call of `callee` is to coroutine code; `replacement` names its counterpart. `call`
  /// (when known) shows the stream it works on: `fprintf(stderr, …)` is the terminal's.
  Role roleOf(const clang::FunctionDecl *callee, const clang::CallExpr *call, std::string &replacement) const;
  bool onMemoryOrTerminal(const clang::CallExpr *call, const Model &model) const;
  /// Converts (inCoroutine) or checks one body; `where` names it in a blocker; `coReturns`:
  /// its returns become co_return.
  bool visitBody(const clang::Stmt *body, llvm::ArrayRef<const clang::Stmt *> skip, bool inCoroutine,
                 const std::string &where,
                 bool coReturns);
  bool checkCalledFunction(const clang::FunctionDecl *fn);
  /// The end of the block around `s`: how long a lock taken there may be held.
  clang::SourceLocation endOfBlock(const clang::Stmt *s) const;
  bool renameCallee(const clang::CallExpr *call, const std::string &replacement);
  bool awaitCall(const clang::CallExpr *call, const std::string &replacement);
  bool retypeReturn(const clang::FunctionDecl *fn);
  bool edit(clang::SourceLocation begin, clang::SourceLocation end, std::string text);
  bool fail(std::string why);
  unsigned lineOf(clang::SourceLocation loc) const;

  clang::ASTContext &ctx;
  const ModelDatabase &models;
  LocMaker &locs;
  std::vector<Edit> edits_;
  std::string blocker_;
  bool usesSys_ = false;
  llvm::DenseMap<const clang::FunctionDecl *, bool> awaits;     // needsAwait's answers (false while computing)
  llvm::DenseSet<const clang::FunctionDecl *> converted;        // made coroutines
  llvm::DenseSet<const clang::FunctionDecl *> checked;          // plain helpers checked not to block
  llvm::DenseSet<const clang::Expr *> awaitedRefs;              // callees of the calls now awaited
};

} // namespace concur
