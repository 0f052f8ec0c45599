// Phase 1's half of the process-pool rewrite, for MT-unsafe CPU work in its most common naive
// shape: one thread per index, each storing what one free function returns in its own slot.
#pragma once

#include "../Summary.h"

#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace concur {

class LocMaker;

struct ProcessPoolSite {
  const clang::FunctionDecl *function;  // where the threads start
  const clang::Expr *start;       // `threads.emplace_back(lambda)`, or `std::thread(lambda)` in `ts[i] = …`
  const clang::VarDecl *threads;  // the local vector, array or std::array of threads
  uint32_t spawn;                         // index into the function's spawns
  Loc poolAt;                             // before the loop that starts the threads
  std::string indent;
  std::string pool;                       // a name free in the function
};

/// The rewrite of
///   std::vector<std::thread> threads;
///   for (T i = 0; i < n; ++i) threads.emplace_back([i, &out] { out[i] = f(args); });
///   for (auto &t : threads) t.join();
/// to futures of a concur::process_pool (`threads.emplace_back(pool.submit(f, args))`, the join
/// loop `for (T i = 0; i < n; ++i) out[i] = threads[i].result();`, `CONCUR_REGISTER(f);` after
/// f), when f is a free function of this file whose parameters and result have codecs; or none.
/// Threads kept in an array (`std::thread ts[n]`, `std::array<std::thread, n>`) and stored
/// per index (`ts[i] = std::thread(…)`) become an array of futures the same way. `why` says
/// what stops the rewrite, when it is the work's parameters or result.
std::optional<Rewrite> planProcessPool(const ProcessPoolSite &site, clang::ASTContext &ctx, LocMaker &locs,
                                       std::string &why);

/// Whether `work` can run in a process pool's worker: a free function defined in this file whose
/// parameters (by value or const reference) and result have codecs. `why` (when given) says
/// which does not.
bool runsInWorker(const clang::FunctionDecl *work, clang::ASTContext &ctx, std::string *why = nullptr);

/// `CONCUR_REGISTER(work);` after its body, and `#include <concur/process_pool.hpp>` once.
std::vector<Edit> registerInWorkers(const clang::FunctionDecl *work, clang::ASTContext &ctx, LocMaker &locs);

} // namespace concur
