// Abstract locations: a name for the memory an expression denotes, comparable across
// functions and translation units. The vocabulary is in docs/summary-format.md.
#pragma once

#include "BodyShape.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace concur {

class ModelDatabase;

/// The parameter index used for `this` in bindings and in `p:this` locations.
inline constexpr uint32_t ThisParam = 0xFFFFFFFFu;
/// The parameter index of a lambda's by-copy capture of the spawning loop's variable.
inline constexpr uint32_t CapturesParam = 0xFFFFFFFEu;

struct AbstractLocation {
  std::string key;
  std::string display;
  std::string index; // array element index shape: iv, iv+1, iv-1, const, indirect, other
  std::string rows;  // in a parallel region: see rowsOf
};

class LocationResolver {
public:
  LocationResolver(clang::ASTContext &ctx, const ModelDatabase &models, const BodyShape &shape,
                   const clang::FunctionDecl *function,
                   const llvm::DenseSet<const clang::ValueDecl *> &byReferenceCaptures)
      : ctx(ctx), models(models), shape(shape), function(function),
        byReferenceCaptures(byReferenceCaptures) {}

  /// The object an lvalue denotes, when it may be shared; nullopt for private locals.
  /// `anyLocal` also names non-escaping locals (a lock's identity matters wherever it lives).
  std::optional<AbstractLocation> ofLValue(const clang::Expr *e, int32_t loop,
                                           bool anyLocal = false) const;
  /// The object a pointer-valued expression points to.
  std::optional<AbstractLocation> ofPointee(const clang::Expr *e, int32_t loop,
                                            bool anyLocal = false) const;
  /// The object an argument passed to a pointer or reference parameter refers to.
  std::optional<AbstractLocation> ofArgument(const clang::Expr *arg, int32_t loop,
                                             bool anyLocal = false) const;

  /// The index of an element access compared with `loop`'s variable, over every subscript of
  /// `a[i][j]`: `iv` when one subscript is the loop variable, `iv+1` when one is offset, …
  std::string indexAgainst(const clang::Expr *lvalue, int32_t loop) const;
  /// What each subscript of an element access in a parallel region holds that is the same for
  /// every thread of the team, first subscript first, `,`-separated: `#3` a constant, `-1:<usr>`
  /// a local the region never changes plus a constant, `?` anything else; empty when no subscript
  /// is such. `b[k][j]` and `b[k-1][j]` are then different rows for the whole region.
  std::string rowsOf(const clang::Expr *lvalue) const;

private:
  std::optional<AbstractLocation> ofVariable(const clang::Expr *ref, const clang::ValueDecl *decl,
                                             int32_t loop, bool anyLocal) const;
  /// What a local pointer points to wherever it is used: the one object its initialiser and
  /// every later assignment name (`Data *d = (Data *)arg;`), when they all name the same one.
  std::optional<AbstractLocation> ofLocalPointer(const clang::VarDecl *var, int32_t loop, bool anyLocal) const;
  std::string indexShape(const clang::Expr *index, int32_t loop) const;
  /// The function (or lambda) whose code `e` is in.
  const clang::FunctionDecl *allocatingFunction(const clang::Expr *e) const;
  /// Whether `var` is declared inside a loop of its function: one per iteration.
  bool declaredInLoop(const clang::VarDecl *var) const;
  /// `for (c = id * k; c < (id + 1) * k; ++c)`, `for (i = lo; i < hi; ++i)` with `lo`, `hi` an
  /// instance's own values: the shape of the value the range comes from, else "".
  std::string ownRangeShape(const clang::VarDecl *counter) const;
  /// The per-instance value (`param:…`, `capture:…`) an expression reads, "" when it reads none,
  /// or other variables, or two different ones.
  std::string instanceValueIn(const clang::Expr *e) const;
  std::string display(const clang::Expr *e) const;

  clang::ASTContext &ctx;
  const ModelDatabase &models;
  const BodyShape &shape;
  const clang::FunctionDecl *function;
  const llvm::DenseSet<const clang::ValueDecl *> &byReferenceCaptures;
  mutable llvm::SmallPtrSet<const clang::VarDecl *, 4> following; // ofLocalPointer's variables in progress
};

} // namespace concur
