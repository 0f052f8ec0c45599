// Clang's thread-safety annotations (the attributes behind -Wthread-safety's ACQUIRE, RELEASE,
// TRY_ACQUIRE, REQUIRES, GUARDED_BY and PT_GUARDED_BY) read as lock facts. A project that
// annotates its mutex wrappers has already said what they do; concur takes its word for it
// instead of guessing from names or bodies.
#pragma once

#include "../Summary.h"
#include "FunctionFacts.h"

#include <optional>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
} // namespace clang

namespace concur {

class LocationResolver;
class ModelDatabase;

/// What ACQUIRE / RELEASE on `fn` declare, in `fn`'s frame (`p:this` is the object the call is
/// made on, `p:0` what argument 0 refers to, `p:this.mu_`, `g:<usr>`); nullopt when `fn`
/// carries neither.
std::optional<LockEffects> declaredLockEffects(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                               const ModelDatabase &models);

/// TRY_ACQUIRE(value, locks…) on `fn`: the locks it holds when it returns `value`.
struct DeclaredTryLock {
  std::vector<HeldLock> acquires; // in fn's frame, as for declaredLockEffects
  bool successValue = true;
};
std::optional<DeclaredTryLock> declaredTryLock(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                               const ModelDatabase &models);

/// The locks `fn`'s callers hold when they call it, in `fn`'s frame: REQUIRES(mu) and
/// REQUIRES_SHARED(mu) oblige them, and RELEASE(mu) releases a lock they took.
std::vector<HeldLock> locksHeldOnEntry(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                       const ModelDatabase &models);

/// The lock GUARDED_BY (on a variable or field) or PT_GUARDED_BY (on a pointer, for what it
/// points to) declares for the memory `lvalue` denotes, named in the frame `resolver` names
/// `lvalue` in; nullopt when no annotation covers it.
std::optional<HeldLock> declaredGuard(const clang::Expr *lvalue, const LocationResolver &resolver, int32_t loop);

} // namespace concur
