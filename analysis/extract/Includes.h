// Fixes that use a standard type add its header: where `#include <header>` goes in the main file.
#pragma once

#include "../Summary.h"

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang {
class SourceManager;
}

namespace concur {

class LocMaker;

/// The edit that adds `#include <header>` after the main file's last #include (or at its top),
/// or none when the file already includes it.
std::optional<Edit> addIncludeEdit(const clang::SourceManager &sm, LocMaker &locs, llvm::StringRef header);

} // namespace concur
