// What an atomic operation's memory order, and the fences around it, make it do to plain memory:
// publish what its thread wrote before it (release), or make visible what the thread that wrote
// the value it read had written before (acquire).
#pragma once

#include "../Summary.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class Stmt;
} // namespace clang

namespace concur {

struct OrderEffect {
  bool releases = false;
  bool acquires = false;
};

/// The effect of a memory-order argument: its value when it is a constant (C's memory_order_*
/// and __ATOMIC_* are), else its spelling (`std::memory_order::release`, `release`). No
/// argument, or one left to its default, is seq_cst.
OrderEffect orderEffect(const clang::Expr *order, clang::ASTContext &ctx);

/// The fences of one function body. A release fence makes a later relaxed store (or
/// read-modify-write) of its thread publish what the thread wrote before the fence; an acquire
/// fence makes an earlier relaxed load show what the storing thread had published, to what
/// follows the fence. Control flow is not followed: a fence counts by its place in the text.
class Fences {
public:
  struct Fence {
    Loc loc;
    int32_t loop = -1;
  };
  void add(Fence fence, OrderEffect effect);
  /// The last release fence before `offset`, where a relaxed store there publishes from.
  std::optional<Fence> releaseBefore(uint32_t offset) const;
  /// The first acquire fence at or after `offset`, where a relaxed acquire there ends.
  std::optional<Fence> acquireAfter(uint32_t offset) const;

private:
  std::vector<Fence> releases, acquires;
};

/// Whether a spinning loop's condition waits for a count rather than a flag: it compares the
/// awaited value with something other than 0, 1, a boolean or a null pointer (`done.load() < n`,
/// `finished != kWorkers`). Such a wait returns only once every increment happened, like a
/// latch's, so it sees what each incrementing thread wrote before its increment.
bool waitsForCount(const clang::Expr *awaited, const clang::Stmt *loop, clang::ASTContext &ctx);

} // namespace concur
