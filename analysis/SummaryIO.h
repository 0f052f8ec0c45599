// Serializes summaries: versioned, deterministic JSON (same summary, same bytes).
#pragma once

#include "Summary.h"

#include "llvm/Support/Error.h"
#include <string>

namespace concur {

/// The summary as JSON text; keys sorted, so equal summaries give equal bytes.
std::string serializeSummary(const Summary &summary);

/// Parses a summary written by serializeSummary; rejects other versions and malformed text.
llvm::Expected<Summary> parseSummary(llvm::StringRef text);

} // namespace concur
