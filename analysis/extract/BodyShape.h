// One pass over a function body before the CFG walk: the loops around each statement, the
// statements on error paths, the locals that escape to other code, and the size of the body.
#pragma once

#include "../Summary.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>

namespace clang {
class ASTContext;
class Expr;
class Stmt;
class VarDecl;
class ValueDecl;
class LambdaExpr;
class OMPExecutableDirective;
} // namespace clang

namespace concur {

/// One OpenMP construct in the body, with what it makes private.
struct OmpScope {
  enum Kind : uint8_t { Parallel, Worksharing, Single, Critical, Atomic, Ordered, Task, Other };
  Kind kind = Other;
  int32_t parent = -1;
  int32_t region = -1;      // the outermost parallel (or task) region containing it
  std::string name;         // critical's name; the directive's spelling for regions
  int32_t loop = -1;        // a worksharing loop's loop index
  int64_t thread = -1;      // a block only this thread runs: `master`, `if (omp_get_thread_num() == 0)`
  int32_t iterations = -1;  // a worksharing loop's iteration space (see OmpPlace::iterations)
  bool distributed = false; // `distribute`: the iterations are divided between teams
  int32_t task = -1;        // a `task` or `taskloop`: index into BodyShape::tasks
  llvm::DenseSet<const clang::ValueDecl *> privates; // private, firstprivate, reduction, …
};

struct BodyShape {
  std::vector<Loop> loops;
  llvm::DenseMap<const clang::Stmt *, int32_t> innermostLoop;      // statement -> loop index
  std::vector<const clang::VarDecl *> inductionVariable;           // per loop, may be null
  llvm::DenseSet<const clang::Stmt *> onErrorPath;
  llvm::DenseSet<const clang::VarDecl *> escapingLocals; // by-reference captures, address taken
  std::vector<const clang::LambdaExpr *> lambdas;        // lambdas created in this body
  llvm::DenseSet<const clang::Stmt *> directCallees;     // `f` in `f(x)`: a call, not a reference
  llvm::DenseSet<const clang::Stmt *> callArguments;     // expressions passed to a call
  std::vector<OmpScope> ompScopes;
  std::vector<OmpRegion> ompRegions;
  llvm::DenseMap<const clang::Stmt *, int32_t> innermostOmp; // statement -> scope index
  llvm::DenseMap<const clang::Stmt *, uint32_t> ompPhase;    // barriers passed in its region
  llvm::DenseSet<const clang::ValueDecl *> linearVariables;  // `linear(j)`: moves with the loop
  /// What each local is assigned after its declaration (null: changed in place, `p += n`).
  llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::Expr *>> localStores;
  llvm::DenseSet<const clang::VarDecl *> changedInRegions; // locals assigned or incremented in a region
  /// Pointers the function declares outside its parallel regions and uses, but never changes
  /// or lends, inside them: every thread of a team sees one value, so one pointee.
  llvm::DenseSet<const clang::VarDecl *> teamPointers;
  /// The first block of each region that one numbered thread runs: every such block of that
  /// thread is the same thread's code, which cannot overlap itself.
  std::map<std::pair<int32_t, int64_t>, int32_t> threadBlocks;
  /// Explicit tasks, ordered against their creator's taskwaits, taskgroups and dependences
  /// (OmpTask::place is left for the caller, who knows where statements are).
  std::vector<OmpTask> tasks;
  std::vector<const clang::OMPExecutableDirective *> taskDirectives; // per task
  /// Worksharing constructs inside a region whose `reduction` each thread combines into the
  /// team's variable at the construct's end; their clauses' variables are statements of it.
  llvm::DenseSet<const clang::OMPExecutableDirective *> teamReductions;
  std::vector<uint32_t> loopEnds; // per loop: offset of its last token
  uint32_t statements = 0;
  uint32_t arithmetic = 0;
  uint32_t maxLoopDepth = 0;

  int32_t loopOf(const clang::Stmt *s) const {
    auto it = innermostLoop.find(s);
    return it == innermostLoop.end() ? -1 : it->second;
  }
  uint32_t depthOf(int32_t loop) const { return loop < 0 ? 0 : loops[loop].depth; }
  int32_t ompScopeOf(const clang::Stmt *s) const {
    auto it = innermostOmp.find(s);
    return it == innermostOmp.end() ? -1 : it->second;
  }
};

/// Walks `body` (not into nested lambda bodies, which are functions of their own).
/// `toLoc` turns a source location into a Loc of the summary being built.
class LocMaker;
BodyShape analyzeBodyShape(const clang::Stmt *body, clang::ASTContext &ctx, LocMaker &locs);

} // namespace concur
