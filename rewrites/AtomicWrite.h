// Every file concur writes (fixes, caches, exported YAML) goes through here.
#pragma once

#include "llvm/Support/Error.h"
#include <string>

namespace concur {

/// Writes `contents` to `path` through a temporary file and a rename, so readers never see a
/// half-written file and a failure leaves the old one.
llvm::Error writeFileAtomically(const std::string &path, llvm::StringRef contents);

} // namespace concur
