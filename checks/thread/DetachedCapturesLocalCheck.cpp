#include "DetachedCapturesLocalCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"
#include "llvm/ADT/StringRef.h"

namespace concur {
namespace {

bool signals(HandOffRole role) { return role == HandOffRole::Signal || role == HandOffRole::Both; }
bool awaits(HandOffRole role) { return role == HandOffRole::Await || role == HandOffRole::Both; }

/// A location of the thread's entry, named in the spawner's frame: `p:N…` is what the spawn
/// passes as argument N; a captured local or a global is the same everywhere.
std::optional<std::string> inSpawner(const std::string &location, const Spawn &spawn) {
  if (!llvm::StringRef(location).starts_with("p:"))
    return location;
  size_t end = 2;
  while (end < location.size() && std::isdigit(static_cast<unsigned char>(location[end])))
    ++end;
  uint32_t param = 0;
  if (end == 2 || llvm::StringRef(location).substr(2, end - 2).getAsInteger(10, param))
    return std::nullopt;
  for (const ArgBinding &b : spawn.args)
    if (b.param == param)
      return b.location + location.substr(end);
  return std::nullopt;
}

/// Whether the thread is done with the spawner's locals before the spawner can leave: its
/// last act on them is a signal (a promise's set_value, a latch's count_down) outside any
/// loop, and the spawner waits for that signal after starting it (the future's get or wait,
/// the latch's wait). The thread may still run afterwards, but no longer touches the locals.
bool awaitedBeforeReturn(const Program &program, const Function &spawner, const Spawn &spawn) {
  int32_t entryIndex = program.find(spawn.entry);
  if (entryIndex < 0)
    return false;
  const Function &entry = program.functions()[entryIndex];
  for (const HandOff &signal : entry.handOffs) {
    std::optional<std::string> object = inSpawner(signal.object, spawn);
    if (!signals(signal.role) || signal.loop >= 0 || !object)
      continue;
    // A spawner's local, reached by capture or through a parameter; the signalled object aside.
    auto local = [&](const std::string &location) {
      std::optional<std::string> named = inSpawner(location, spawn);
      return named && llvm::StringRef(*named).starts_with("l:") && *named != *object;
    };
    bool usesLocalsAfter = false;
    for (const Access &access : entry.accesses)
      usesLocalsAfter |= access.loc.offset > signal.loc.offset && local(access.location);
    for (const Call &call : entry.calls)
      for (const ArgBinding &arg : call.args)
        usesLocalsAfter |= call.loc.offset > signal.loc.offset && local(arg.location);
    if (usesLocalsAfter)
      continue;
    for (const HandOff &wait : spawner.handOffs)
      if (awaits(wait.role) && wait.object == *object && wait.loc.offset > spawn.loc.offset)
        return true;
  }
  return false;
}

} // namespace

void DetachedCapturesLocalCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  for (const Function &fn : program.functions())
    for (const Spawn &spawn : fn.spawns) {
      if (!spawn.detached || spawn.borrowedLocal.empty() || awaitedBeforeReturn(program, fn, spawn))
        continue;
      out.push_back(finding(
          fmt::format("detached thread running '{}' uses '{}', a local of '{}', by reference: '{}' may "
                      "return and '{}' die while the thread still uses it; pass it by value, or join "
                      "the thread before returning",
                      spawn.entryName, spawn.borrowedLocal, fn.name, fn.name, spawn.borrowedLocal),
          pointOf(program, spawn.loc)));
    }
}

} // namespace concur
