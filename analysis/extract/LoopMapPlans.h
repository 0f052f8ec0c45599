// Phase 1's half of the serial-blocking-loop rewrite: loops that call one function per item and
// keep each result in its own place, with the edits that run those calls on a thread pool.
#pragma once

#include "../Summary.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace concur {

class LocMaker;

/// A Map rewrite (poolAt: the loop) for each loop of `fn` of one of these shapes:
///   for (T i = a; i < b; ++i) out[i] = f(in[i]);   ->  pool.parallel_for(a, b, [&](T i) { … });
///   for (const auto &x : xs) v.push_back(f(x));    ->  for (auto &r : pool.map([&](const auto &x) { return f(x); }, xs))
///                                                        v.push_back(std::move(r));
/// Whether the calls are independent is phase 2's question (the serial-blocking-loop site).
std::vector<Rewrite> planLoopMaps(const clang::FunctionDecl *fn, clang::ASTContext &ctx, LocMaker &locs);

} // namespace concur
