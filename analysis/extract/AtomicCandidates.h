// Which global scalars could become std::atomic<T> without breaking a use, and the edits that
// do it (the type, and `#include <atomic>` once).
#pragma once

#include "../Summary.h"

namespace clang {
class ASTContext;
}

namespace concur {

class LocMaker;

std::vector<AtomicCandidate> findAtomicCandidates(clang::ASTContext &ctx, LocMaker &locs);

} // namespace concur
