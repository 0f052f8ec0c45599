// Local std::threads, and containers of them, that may be destroyed while still joinable:
// a forward dataflow over the function's CFG (an early return between the start and the join
// is the classic case). std::jthread joins itself and is never tracked.
#pragma once

#include "../Summary.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace concur {

class LocMaker;

/// Every place in `fn` where a tracked thread is destroyed, reassigned or cleared while it
/// may still be joinable on some path. A variable used in any way the analysis does not
/// understand (passed by reference, captured by a lambda) is not tracked at all.
std::vector<UnjoinedThread> findUnjoinedThreads(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                                LocMaker &locs);

} // namespace concur
