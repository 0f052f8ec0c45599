#include "Cache.h"

#include "../analysis/SummaryIO.h"
#include "../rewrites/AtomicWrite.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/xxhash.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

namespace concur {

std::string SummaryCache::defaultDirectory() {
  llvm::SmallString<256> dir;
  if (std::optional<std::string> xdg = llvm::sys::Process::GetEnv("XDG_CACHE_HOME"); xdg && !xdg->empty())
    dir = *xdg;
  else if (!llvm::sys::path::cache_directory(dir))
    llvm::sys::path::system_temp_directory(true, dir);
  llvm::sys::path::append(dir, "concur");
  return std::string(dir);
}

std::string SummaryCache::keyOf(const CompileJob &job) const {
  llvm::SHA256 hash;
  hash.update(salt);
  hash.update("\0dir\0");
  hash.update(job.directory);
  hash.update("\0file\0");
  hash.update(job.file);
  for (const std::string &arg : job.arguments) {
    hash.update("\0arg\0");
    hash.update(arg);
  }
  return llvm::toHex(hash.final(), true);
}

std::string SummaryCache::entryPath(const std::string &key) const {
  llvm::SmallString<256> path(directory);
  llvm::sys::path::append(path, key.substr(0, 2), key + ".summary");
  return std::string(path);
}

std::string SummaryCache::contentHash(const std::string &path) {
  {
    std::lock_guard<std::mutex> lock(hashesMutex);
    if (auto it = hashes.find(path); it != hashes.end())
      return it->second;
  }
  std::string digest;
  if (auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false))
    digest = llvm::utohexstr(llvm::xxh3_64bits(llvm::arrayRefFromStringRef((*buffer)->getBuffer())), true) +
             ":" + std::to_string((*buffer)->getBufferSize());
  std::lock_guard<std::mutex> lock(hashesMutex);
  hashes[path] = digest;
  return digest;
}

std::optional<Summary> SummaryCache::lookup(const CompileJob &job) {
  auto buffer = llvm::MemoryBuffer::getFile(entryPath(keyOf(job)));
  if (!buffer)
    return std::nullopt;
  // Line 1: the manifest of inputs and their hashes; the rest: the summary.
  auto [manifestText, summaryText] = (*buffer)->getBuffer().split('\n');
  llvm::Expected<llvm::json::Value> manifest = llvm::json::parse(manifestText);
  if (!manifest) {
    llvm::consumeError(manifest.takeError());
    return std::nullopt;
  }
  const llvm::json::Array *inputs = manifest->getAsArray();
  if (!inputs)
    return std::nullopt;
  for (const llvm::json::Value &input : *inputs) {
    const llvm::json::Array *pair = input.getAsArray();
    if (!pair || pair->size() != 2)
      return std::nullopt;
    std::optional<llvm::StringRef> path = (*pair)[0].getAsString(), digest = (*pair)[1].getAsString();
    if (!path || !digest || contentHash(path->str()) != *digest)
      return std::nullopt;
  }
  llvm::Expected<Summary> summary = parseSummary(summaryText);
  if (!summary) {
    llvm::consumeError(summary.takeError());
    return std::nullopt;
  }
  return std::move(*summary);
}

void SummaryCache::store(const CompileJob &job, const ExtractResult &result) {
  if (result.summary.hasErrors())
    return;
  llvm::json::Array inputs;
  for (const std::string &path : result.inputs) {
    std::string digest = contentHash(path);
    if (digest.empty())
      return;
    inputs.push_back(llvm::json::Array{path, digest});
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::json::Value(std::move(inputs)) << '\n' << serializeSummary(result.summary);
  std::string path = entryPath(keyOf(job));
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path)))
    return;
  llvm::consumeError(writeFileAtomically(path, text));
}

} // namespace concur
