// From the command line to the list of compile jobs: `-p`, `--`, `--extra-arg(-before)`.
#pragma once

#include "../analysis/Extract.h"

#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace concur {

struct JobRequest {
  std::string buildPath;                 // -p
  std::vector<std::string> files;        // positional; empty: every file of the database
  std::vector<std::string> fixedFlags;   // after `--`; used when present
  bool hasFixedFlags = false;
  std::vector<std::string> extraArgs, extraArgsBefore;
};

struct JobList {
  std::vector<CompileJob> jobs;
  std::string databaseDirectory; // where the database was found; empty for `--` flags
};

/// Resolves the request to one compile job per file. Any problem is an Error (exit 2).
llvm::Expected<JobList> makeJobs(const JobRequest &request);

} // namespace concur
