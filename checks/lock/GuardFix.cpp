#include "GuardFix.h"

#include "llvm/ADT/StringRef.h"

namespace concur {
namespace {

/// What a mutex the function names (`p:this.mu_`, `g:<usr>`) is in one context, read off the
/// access's own resolution: `p:this.count_` seen as `l:…stats.count_` makes `p:this` `l:…stats`.
std::optional<std::string> inContext(const HeldLock &mutex, const Access &access, const ContextAccess &seen) {
  llvm::StringRef key = mutex.lock;
  if (key.starts_with("g:"))
    return mutex.lock;
  llvm::StringRef raw = access.location;
  if (!key.starts_with("p:this.") || !raw.starts_with("p:this."))
    return std::nullopt;
  llvm::StringRef member = raw.drop_front(6);
  if (!llvm::StringRef(seen.location).ends_with(member))
    return std::nullopt;
  return seen.location.substr(0, seen.location.size() - member.size()) + key.drop_front(6).str();
}

} // namespace

std::vector<Replacement> guardFix(const Program &program, uint32_t function, const Access &access,
                                  const std::vector<const ContextAccess *> &seen, const std::string &mutex) {
  const Function &fn = program.functions()[function];
  if (access.statement < 0 || seen.empty())
    return {};
  const GuardableStatement &statement = fn.guardable[access.statement];
  for (const HeldLock &candidate : fn.nameableMutexes) {
    bool same = std::all_of(seen.begin(), seen.end(), [&](const ContextAccess *c) {
      return inContext(candidate, access, *c) == mutex;
    });
    // `std::lock_guard<std::mutex> lock(lock)` would lock the guard itself.
    if (!same || candidate.display == statement.guardName)
      continue;
    const std::string &file = program.fileOf(statement.range.begin);
    uint32_t begin = statement.range.begin.offset, end = begin + statement.range.length;
    std::vector<Replacement> edits{
        Replacement{file, begin, 0, "{ std::lock_guard<std::mutex> " + statement.guardName + "(" + candidate.display + "); "},
        Replacement{file, end, 0, " }"}};
    for (const Edit &include : statement.include)
      edits.push_back(Replacement{program.fileOf(include.range.begin), include.range.begin.offset, include.range.length,
                                  include.text});
    return edits;
  }
  return {};
}

} // namespace concur
