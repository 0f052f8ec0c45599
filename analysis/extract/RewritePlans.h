// Phase 1's half of the concur-model-* rewrites: where the AST still exists, work out the edits
// that move a function's threads or std::async tasks onto a concur::thread_pool (or why they
// cannot move). Phase 2 decides whether the site's recommended model wants them.
#pragma once

#include "../Summary.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace concur {

class LocMaker;

/// The rewrites of the thread and std::async spawns `facts` recorded for `fn`: a `Submit`
/// rewrite of all of them together (or one with a blocker saying why not), plus a
/// `ParallelFor` rewrite when a loop of threads over an index range is the whole shape, and a
/// `ProcessPool` one when each thread stores one free function's result (ProcessPoolPlan.h).
std::vector<Rewrite> planRewrites(const clang::FunctionDecl *fn, const Function &facts, clang::ASTContext &ctx,
                                  LocMaker &locs);

/// Whether `fn`'s body names a thread_local variable: state a pool's worker would carry from
/// one task to the next, where each thread of the original had its own.
bool usesThreadLocal(const clang::FunctionDecl *fn);

} // namespace concur
