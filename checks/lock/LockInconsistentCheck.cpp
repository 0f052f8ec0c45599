#include "LockInconsistentCheck.h"

#include "../../analysis/Races.h"
#include "../Evidence.h"
#include "GuardFix.h"

#include "fmt/format.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>

namespace concur {
namespace {

constexpr size_t MaxGuardedNotes = 3;

/// One access in the source (function, index into its accesses), however many contexts reach it.
using SourceAccess = std::pair<uint32_t, uint32_t>;

bool holds(const ContextAccess &seen, const Access &access, const std::string &lock) {
  for (const HeldLock &held : seen.held)
    if (held.lock == lock && (!held.shared || access.kind == AccessKind::Read))
      return true; // a shared (reader) lock guards reads only
  return false;
}

/// The accesses of one location, each with the contexts where it may run beside another one.
struct LocationAccesses {
  std::map<SourceAccess, std::vector<const ContextAccess *>> sources;
};

LocationAccesses concurrentAccesses(const Program &program, const RaceDetector &detector,
                                    const std::vector<uint32_t> &group) {
  LocationAccesses out;
  const auto &all = detector.contextAccesses();
  auto counted = [&](const ContextAccess &a) {
    // A constructor or destructor works on an object no other thread sees yet, or any more.
    return !program.functions()[a.function].isConstructorOrDestructor;
  };
  for (uint32_t i : group) {
    if (!counted(all[i]))
      continue;
    bool concurrent = false;
    for (uint32_t j : group)
      concurrent = concurrent || (counted(all[j]) && detector.mayRunTogether(all[i], all[j]));
    if (concurrent)
      out.sources[{all[i].function, all[i].access}].push_back(&all[i]);
  }
  return out;
}

/// The lock held at the most accesses (in every context of each), and how many.
std::pair<std::string, uint32_t> commonestGuard(const RaceDetector &detector, const LocationAccesses &accesses) {
  std::map<std::string, uint32_t> counts;
  for (const auto &[source, seen] : accesses.sources) {
    const Access &access = detector.accessOf(*seen.front());
    for (const HeldLock &lock : seen.front()->held)
      if (std::all_of(seen.begin(), seen.end(), [&](const ContextAccess *c) { return holds(*c, access, lock.lock); }))
        ++counts[lock.lock];
  }
  std::pair<std::string, uint32_t> best;
  for (const auto &[lock, count] : counts) // map order: ties go to the first lock by name
    if (count > best.second)
      best = {lock, count};
  return best;
}

/// The lock a GUARDED_BY annotation declares for the location, if an access carries one.
std::string declaredGuard(const std::vector<ContextAccess> &all, const std::vector<uint32_t> &group) {
  for (uint32_t i : group)
    if (!all[i].declaredGuard.empty())
      return all[i].declaredGuard;
  return "";
}

/// How many of the accesses hold `lock` in every context that reaches them.
uint32_t accessesHolding(const RaceDetector &detector, const LocationAccesses &accesses, const std::string &lock) {
  uint32_t count = 0;
  for (const auto &[source, seen] : accesses.sources) {
    const Access &access = detector.accessOf(*seen.front());
    count += std::all_of(seen.begin(), seen.end(), [&](const ContextAccess *c) { return holds(*c, access, lock); });
  }
  return count;
}

std::string lockDisplay(const LocationAccesses &accesses, const std::string &lock) {
  for (const auto &[source, seen] : accesses.sources)
    for (const HeldLock &held : seen.front()->held)
      if (held.lock == lock)
        return held.display;
  return lock;
}

} // namespace

LockInconsistentCheck::LockInconsistentCheck(const std::string &name, const OptionMap &options) : Check(name) {
  CheckOptions read(name, options);
  if (llvm::StringRef(read.get("MinGuardedRatio", "0.6")).getAsDouble(minGuardedRatio))
    minGuardedRatio = 0.6;
  minGuardedAccesses = read.get("MinGuardedAccesses", int64_t(2));
}

void LockInconsistentCheck::storeOptions(OptionMap &out) const {
  CheckOptions write(name(), {});
  write.store(out, "MinGuardedRatio", fmt::format("{}", minGuardedRatio));
  write.store(out, "MinGuardedAccesses", std::to_string(minGuardedAccesses));
}

void LockInconsistentCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const RaceDetector &detector = context.races();
  const auto &all = detector.contextAccesses();
  std::map<std::string, std::vector<uint32_t>> byLocation;
  std::map<SourceAccess, std::vector<uint32_t>> everywhere; // every context of each access
  for (uint32_t i = 0; i < all.size(); ++i) {
    byLocation[all[i].location].push_back(i);
    everywhere[{all[i].function, all[i].access}].push_back(i);
  }
  std::set<std::tuple<uint32_t, int64_t, std::string>> reported; // function, statement, variable
  for (const auto &[location, group] : byLocation) {
    if (std::any_of(group.begin(), group.end(), [&](uint32_t i) { return detector.accessOf(all[i]).atomic; }))
      continue; // an atomic variable needs no lock
    LocationAccesses accesses = concurrentAccesses(program, detector, group);
    auto [mutex, guarded] = commonestGuard(detector, accesses);
    uint32_t total = uint32_t(accesses.sources.size());
    // A declared guard needs no majority: the annotation already says which lock it is.
    std::string declared = declaredGuard(all, group);
    if (!declared.empty()) {
      mutex = declared;
      guarded = accessesHolding(detector, accesses, mutex);
    }
    bool tooFew = int64_t(guarded) < minGuardedAccesses || guarded < minGuardedRatio * total;
    if (guarded == total || guarded == 0 || (declared.empty() && tooFew))
      continue;
    std::vector<const ContextAccess *> guardedSeen;
    std::vector<SourceAccess> guardedSources, unguarded;
    for (const auto &[source, seen] : accesses.sources) {
      const Access &access = detector.accessOf(*seen.front());
      bool always = std::all_of(seen.begin(), seen.end(), [&](const ContextAccess *c) { return holds(*c, access, mutex); });
      (always ? guardedSources : unguarded).push_back(source);
      for (const ContextAccess *c : seen)
        if (holds(*c, access, mutex))
          guardedSeen.push_back(c);
    }
    auto sourceOrder = [&](const SourceAccess &a, const SourceAccess &b) {
      const Loc &x = program.functions()[a.first].accesses[a.second].loc;
      const Loc &y = program.functions()[b.first].accesses[b.second].loc;
      return std::make_tuple(program.fileOf(x), x.offset) < std::make_tuple(program.fileOf(y), y.offset);
    };
    std::sort(guardedSources.begin(), guardedSources.end(), sourceOrder);
    std::sort(unguarded.begin(), unguarded.end(), sourceOrder);
    std::string mutexName = lockDisplay(accesses, mutex);
    for (const SourceAccess &source : unguarded) {
      const Function &fn = program.functions()[source.first];
      const Access &access = fn.accesses[source.second];
      std::vector<const ContextAccess *> bare;
      for (const ContextAccess *c : accesses.sources[source])
        if (!holds(*c, access, mutex))
          bare.push_back(c);
      // Only an access that may really meet a guarded one unordered: before the threads start,
      // after they are joined, or under another common lock, the missing guard does no harm.
      bool races = std::any_of(bare.begin(), bare.end(), [&](const ContextAccess *u) {
        return std::any_of(guardedSeen.begin(), guardedSeen.end(),
                           [&](const ContextAccess *g) { return detector.mayRace(*u, *g); });
      });
      int64_t statement = access.statement >= 0 ? access.statement : -1 - int64_t(source.second);
      if (!races || !reported.insert({source.first, statement, access.display}).second)
        continue;
      Finding finding = this->finding(fmt::format("'{}' is guarded by '{}'{} at {} of {} accesses, but not here",
                                                  access.display, mutexName, declared.empty() ? "" : " (GUARDED_BY)",
                                                  guarded, total),
                                      pointOf(program, access.loc));
      for (size_t i = 0; i < guardedSources.size() && i < MaxGuardedNotes; ++i) {
        const Access &other = program.functions()[guardedSources[i].first].accesses[guardedSources[i].second];
        finding.notes.push_back(Note{fmt::format("{} with '{}' held here", other.kind == AccessKind::Write ? "written" : "read",
                                                 mutexName),
                                     pointOf(program, other.loc), {}});
      }
      // The fix is safe only when, once this statement holds the mutex, every access does, and
      // nothing is held here that taking the mutex could deadlock against.
      bool onlyThisStatement = std::all_of(unguarded.begin(), unguarded.end(), [&](const SourceAccess &s) {
        return s.first == source.first && access.statement >= 0 && fn.accesses[s.second].statement == access.statement;
      });
      bool nothingHeld = true;
      for (uint32_t a = 0; a < fn.accesses.size(); ++a)
        if (a == source.second || (access.statement >= 0 && fn.accesses[a].statement == access.statement))
          for (uint32_t i : everywhere[{source.first, a}])
            nothingHeld = nothingHeld && all[i].held.empty();
      if (onlyThisStatement && nothingHeld)
        finding.fixes = guardFix(program, source.first, access, bare, mutex);
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
