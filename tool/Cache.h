// The summary cache: one entry per compile command, valid while every file the TU read has the
// same content hash. Corrupt or stale entries are ignored and rebuilt. See docs/architecture.md.
#pragma once

#include "../analysis/Extract.h"

#include "llvm/ADT/StringMap.h"
#include <mutex>
#include <optional>
#include <string>

namespace concur {

class SummaryCache {
public:
  /// `salt` covers everything besides the command that changes summaries (version, models).
  SummaryCache(std::string directory, std::string salt)
      : directory(std::move(directory)), salt(std::move(salt)) {}

  std::optional<Summary> lookup(const CompileJob &job);
  /// Stores a summary unless its TU had errors; failures to write are not fatal.
  void store(const CompileJob &job, const ExtractResult &result);

  /// The default directory: $XDG_CACHE_HOME/concur or ~/.cache/concur.
  static std::string defaultDirectory();

private:
  std::string keyOf(const CompileJob &job) const;
  std::string entryPath(const std::string &key) const;
  /// Content hash of a file, computed once per run; "" if unreadable.
  std::string contentHash(const std::string &path);

  std::string directory, salt;
  std::mutex hashesMutex;
  llvm::StringMap<std::string> hashes;
};

} // namespace concur
