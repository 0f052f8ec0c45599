// The statements people write to join every thread (or get every future) in a container, in
// each of the shapes tutorials and books use, so that every rewrite recognises the same ones.
#pragma once

namespace clang {
class ASTContext;
class DeclRefExpr;
class Stmt;
class VarDecl;
} // namespace clang

namespace concur {

/// The statement that `use` (a reference to the container `handles`) belongs to, when that
/// statement only joins or gets every element:
///   for (auto &t : ts) t.join();
///   for (auto it = ts.begin(); it != ts.end(); ++it) it->join();        // or (*it).join()
///   std::for_each(ts.begin(), ts.end(), std::mem_fn(&std::thread::join));
///   std::for_each(ts.begin(), ts.end(), [](std::thread &t) { t.join(); });
/// Null otherwise.
const clang::Stmt *joinAllStatement(clang::ASTContext &ctx, const clang::DeclRefExpr *use,
                                    const clang::VarDecl *handles);

} // namespace concur
