#include "Config.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"

namespace {
struct CheckOptionEntry {
  std::string key, value;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(CheckOptionEntry)

namespace llvm::yaml {
template <> struct MappingTraits<CheckOptionEntry> {
  static void mapping(IO &io, CheckOptionEntry &e) {
    io.mapRequired("key", e.key);
    io.mapRequired("value", e.value);
  }
};
template <> struct MappingTraits<concur::Config> {
  static void mapping(IO &io, concur::Config &c) {
    io.mapOptional("Checks", c.checks);
    io.mapOptional("WarningsAsErrors", c.warningsAsErrors);
    io.mapOptional("HeaderFilterRegex", c.headerFilterRegex);
    io.mapOptional("CheckOptions", c.checkOptions);
    io.mapOptional("Models", c.models);
  }
};
} // namespace llvm::yaml

namespace concur {

void Config::mergeFrom(const Config &later) {
  auto append = [](std::optional<std::string> &into, const std::optional<std::string> &more) {
    if (!more)
      return;
    into = into && !into->empty() ? *into + "," + *more : *more;
  };
  append(checks, later.checks);
  append(warningsAsErrors, later.warningsAsErrors);
  if (later.headerFilterRegex)
    headerFilterRegex = later.headerFilterRegex;
  for (const auto &[k, v] : later.checkOptions)
    checkOptions[k] = v;
  models.insert(models.end(), later.models.begin(), later.models.end());
  text += later.text;
}

llvm::Expected<Config> readConfigFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return llvm::createStringError(
        llvm::formatv("cannot read config file '{0}': {1}", path, buffer.getError().message()).str());
  Config config;
  std::string error;
  llvm::yaml::Input in((*buffer)->getBuffer(), nullptr,
                       [](const llvm::SMDiagnostic &d, void *ctx) {
                         auto *out = static_cast<std::string *>(ctx);
                         if (out->empty())
                           *out = llvm::formatv("{0}:{1}: {2}", d.getLineNo(), d.getColumnNo() + 1,
                                                d.getMessage())
                                      .str();
                       },
                       &error);
  if ((*buffer)->getBuffer().trim().empty())
    return config;
  in >> config;
  if (in.error())
    return llvm::createStringError(llvm::formatv("invalid config file '{0}':{1}", path, error).str());
  config.path = path;
  config.text = path + "\n" + (*buffer)->getBuffer().str();
  return config;
}

llvm::Expected<const Config *> ConfigFinder::nearest(const std::string &file) {
  llvm::SmallString<256> dir(file);
  llvm::sys::fs::make_absolute(dir);
  llvm::sys::path::remove_filename(dir);
  std::vector<std::string> visited;
  const Config *found = nullptr;
  for (; !dir.empty(); dir = llvm::sys::path::parent_path(dir)) {
    auto it = byDirectory.find(std::string(dir));
    if (it != byDirectory.end()) {
      found = it->second ? &*it->second : nullptr;
      break;
    }
    visited.push_back(std::string(dir));
    llvm::SmallString<256> candidate(dir);
    llvm::sys::path::append(candidate, ".concur.yaml");
    if (llvm::sys::fs::exists(candidate)) {
      llvm::Expected<Config> config = readConfigFile(std::string(candidate));
      if (!config)
        return config.takeError();
      visited.pop_back();
      found = &*(byDirectory[std::string(dir)] = std::move(*config));
      break;
    }
    if (llvm::sys::path::parent_path(dir) == dir)
      break;
  }
  for (const std::string &d : visited)
    byDirectory[d] = found ? std::optional<Config>(*found) : std::nullopt;
  return found;
}

Config defaultConfig() {
  Config config;
  config.checks = "concur-*";
  config.warningsAsErrors = "";
  config.headerFilterRegex = "";
  return config;
}

std::string dumpConfig(const Config &config) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::yaml::Output out(os);
  Config copy = config;
  out << copy;
  return text;
}

} // namespace concur
