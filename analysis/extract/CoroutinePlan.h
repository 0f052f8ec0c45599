// Phase 1's half of the coroutine rewrite of a thread per connection: where the AST still
// exists, work out the edits that move an accept loop and its handler threads onto an event
// loop (or why they cannot move). Phase 2 applies them when the site's model is coroutines.
#pragma once

#include "../Summary.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace concur {

class LocMaker;
class ModelDatabase;

/// For each std::thread or std::jthread that `fn` starts in a loop that accepts connections, a
/// `Coroutine` rewrite (or one with a blocker): the handler and the project functions it
/// blocks through become coroutines awaiting `concur::sys` calls, the threads become tasks
/// spawned on an event loop (a concur::task_group for detached threads, concur::future<void>s
/// where the threads were kept and joined), and the accept loop runs in `concur::run`.
std::vector<Rewrite> planCoroutines(const clang::FunctionDecl *fn, const Function &facts, clang::ASTContext &ctx,
                                    LocMaker &locs, const ModelDatabase &models);

} // namespace concur
