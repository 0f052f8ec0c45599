// `.concur.yaml`: found by walking up from each file, keys as in `.clang-tidy` where they apply.
#pragma once

#include "../analysis/ModelYAML.h"

#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace concur {

struct Config {
  std::optional<std::string> checks;
  std::optional<std::string> warningsAsErrors;
  std::optional<std::string> headerFilterRegex;
  std::map<std::string, std::string> checkOptions;
  std::vector<RawModel> models;
  std::string path;        // where it was read from; empty for the built-in default
  std::string text;        // its contents, for cache keys

  /// Later (command line) settings win; globs are appended, as clang-tidy does.
  void mergeFrom(const Config &later);
};

/// Reads and validates one config file (unknown keys are errors).
llvm::Expected<Config> readConfigFile(const std::string &path);
/// The `.concur.yaml` nearest to `file`, walking up; memoized per directory. Null if none.
class ConfigFinder {
public:
  llvm::Expected<const Config *> nearest(const std::string &file);

private:
  std::map<std::string, std::optional<Config>> byDirectory;
};

/// The built-in defaults, written as a config file would be.
Config defaultConfig();
/// YAML text of a config, for --dump-config.
std::string dumpConfig(const Config &config);

} // namespace concur
