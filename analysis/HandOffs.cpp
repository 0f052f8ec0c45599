#include "HandOffs.h"

#include <algorithm>

namespace concur {
namespace {

bool within(const Function &fn, int32_t loop, int32_t ancestor) {
  for (int32_t l = loop; l >= 0; l = fn.loops[l].parent)
    if (l == ancestor)
      return true;
  return false;
}

/// Whether some loop encloses both points: then the first runs again after the second.
bool shareLoop(const Function &fn, int32_t a, int32_t b) {
  for (int32_t l = a; l >= 0; l = fn.loops[l].parent)
    if (within(fn, b, l))
      return true;
  return false;
}

bool signals(HandOffRole role) { return role == HandOffRole::Signal || role == HandOffRole::Both; }
bool awaits(HandOffRole role) { return role == HandOffRole::Await || role == HandOffRole::Both; }

bool intersect(const std::vector<std::string> &a, const std::vector<std::string> &b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string &x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

} // namespace

void HandOffOrder::add(uint32_t context, ContextHandOff handOff) {
  if (byContext.size() <= context)
    byContext.resize(context + 1);
  const HandOff &h = program.functions()[handOff.function].handOffs[handOff.handOff];
  if (signals(h.role))
    signallers[handOff.object].insert(context);
  byContext[context].push_back(std::move(handOff));
}

std::vector<HandOffOrder::Level> HandOffOrder::levels(const AccessPoint &p) const {
  std::vector<Level> out;
  for (const ThreadPath::Step &step : *p.path) {
    const Call &call = program.functions()[step.caller].calls[step.call];
    out.push_back(Level{step.caller, call.loc.offset, call.loop});
  }
  out.push_back(Level{p.function, p.offset, p.loop});
  return out;
}

/// Calls `visit(handOff, level)` for each hand-off of p's context made in a function on p's
/// path, with the point of p at that function's level.
template <typename Visit> void HandOffOrder::forEachAtLevel(const AccessPoint &p, Visit visit) const {
  if (p.context >= byContext.size())
    return;
  std::vector<Level> at = levels(p);
  auto sameStep = [](const ThreadPath::Step &x, const ThreadPath::Step &y) {
    return x.caller == y.caller && x.call == y.call && x.callee == y.callee;
  };
  for (const ContextHandOff &seen : byContext[p.context]) {
    size_t depth = seen.path.size();
    if (depth >= at.size() || at[depth].function != seen.function ||
        !std::equal(seen.path.begin(), seen.path.end(), p.path->begin(), sameStep))
      continue;
    visit(seen, program.functions()[seen.function].handOffs[seen.handOff], at[depth]);
  }
}

HandOffOrder::Objects HandOffOrder::signalledAfter(const AccessPoint &p, uint32_t readerContext) const {
  struct Signals {
    bool after = false, notAfter = false, rendezvous = false;
  };
  std::map<std::string, Signals> byObject;
  std::set<const ContextHandOff *> placed;
  forEachAtLevel(p, [&](const ContextHandOff &seen, const HandOff &h, const Level &at) {
    if (!signals(h.role))
      return;
    placed.insert(&seen);
    bool after = h.loc.offset > at.offset && !shareLoop(program.functions()[at.function], h.loop, at.loop);
    Signals &s = byObject[seen.object];
    (after ? s.after : s.notAfter) = true;
    s.rendezvous = h.rendezvous;
  });
  if (p.context < byContext.size())
    for (const ContextHandOff &seen : byContext[p.context]) // elsewhere in the thread: order unknown
      if (!placed.count(&seen) && signals(program.functions()[seen.function].handOffs[seen.handOff].role))
        byObject[seen.object].notAfter = true;
  Objects objects;
  for (const auto &[object, s] : byObject) {
    if (!s.after || s.notAfter)
      continue;
    // The reader's own signals (an exchange it spins on) cannot have carried another thread's
    // writes to it.
    const std::set<uint32_t> &who = signallers.at(object);
    bool onlyThisThread = !p.manyInstances && std::all_of(who.begin(), who.end(), [&](uint32_t context) {
      return context == p.context || context == readerContext;
    });
    objects.any.push_back(object);
    if (s.rendezvous || onlyThisThread)
      objects.certain.push_back(object);
  }
  return objects;
}

HandOffOrder::Objects HandOffOrder::awaitedBefore(const AccessPoint &p) const {
  Objects objects;
  forEachAtLevel(p, [&](const ContextHandOff &seen, const HandOff &h, const Level &at) {
    if (!awaits(h.role) || h.loc.offset >= at.offset)
      return;
    objects.any.push_back(seen.object);
    if (h.rendezvous)
      objects.certain.push_back(seen.object);
  });
  return objects;
}

bool HandOffOrder::publishes(const AccessPoint &writer, const AccessPoint &reader) const {
  Objects signalled = signalledAfter(writer, reader.context), awaited = awaitedBefore(reader);
  return intersect(signalled.certain, awaited.any) || intersect(signalled.any, awaited.certain);
}

/// Whether `p` lies on the way from `from` to `to` in one pass: in source order, or, when both
/// sit in the loop around p, in the loop's cyclic order (`a; post(Y); wait(X);` waits for X in
/// the iteration before).
static bool between(uint32_t from, uint32_t p, uint32_t to, bool cyclic) {
  if (from < p && p < to)
    return true;
  return cyclic && ((p < to && to < from) || (to < from && from < p));
}

std::vector<std::pair<std::string, std::string>> HandOffOrder::passedThrough(const AccessPoint &p) const {
  struct Side {
    std::string object;
    uint32_t offset;
    int32_t loop;
    uint32_t function;
    uint32_t at; // p's offset at this level
    int32_t accessLoop;
  };
  std::vector<Side> awaitsHere, signalsHere;
  forEachAtLevel(p, [&](const ContextHandOff &seen, const HandOff &h, const Level &at) {
    if (h.rendezvous)
      return; // every thread passes a barrier together: it admits them all, not one at a time
    Side side{seen.object, h.loc.offset, h.loop, at.function, at.offset, at.loop};
    if (awaits(h.role))
      awaitsHere.push_back(side);
    if (signals(h.role))
      signalsHere.push_back(side);
  });
  std::vector<std::pair<std::string, std::string>> out;
  for (const Side &w : awaitsHere)
    for (const Side &s : signalsHere) {
      if (w.function != s.function || w.loop != s.loop)
        continue;
      const Function &fn = program.functions()[w.function];
      bool cyclic = w.loop >= 0 && within(fn, w.accessLoop, w.loop);
      if (between(w.offset, w.at, s.offset, cyclic))
        out.emplace_back(w.object, s.object);
    }
  return out;
}

std::map<std::string, HandOffOrder::Phase> HandOffOrder::phases(const AccessPoint &p) const {
  struct Waits {
    std::vector<uint32_t> offsets;
    std::set<int32_t> loops;
    std::set<uint32_t> functions;
    uint32_t function = 0, at = 0;
    int32_t accessLoop = -1;
  };
  std::map<std::string, Waits> byObject;
  forEachAtLevel(p, [&](const ContextHandOff &seen, const HandOff &h, const Level &at) {
    if (h.role != HandOffRole::Both || !h.rendezvous)
      return;
    Waits &w = byObject[seen.object];
    w.offsets.push_back(h.loc.offset);
    w.loops.insert(h.loop);
    w.functions.insert(at.function);
    w.function = at.function, w.at = at.offset, w.accessLoop = at.loop;
  });
  std::map<std::string, Phase> out;
  for (const auto &[object, w] : byObject) {
    if (w.loops.size() != 1 || w.functions.size() != 1)
      continue; // waits at different depths or in different functions: their rounds do not line up
    int32_t loop = *w.loops.begin();
    const Function &fn = program.functions()[w.function];
    if (loop >= 0 && !within(fn, w.accessLoop, loop))
      continue; // the access is outside the loop that waits
    uint32_t before = uint32_t(std::count_if(w.offsets.begin(), w.offsets.end(), [&](uint32_t o) { return o < w.at; }));
    uint32_t count = uint32_t(w.offsets.size());
    out[object] = Phase{loop >= 0 ? before % count : before, count, loop >= 0};
  }
  return out;
}

bool teamHandedOff(const Function &fn, const TeamPoint &a, const TeamPoint &b) {
  auto publishes = [&](const TeamPoint &from, const TeamPoint &to) {
    if (from.omp.single < 0 || to.omp.single < 0 || from.omp.single == to.omp.single)
      return false;
    for (const HandOff &s : fn.handOffs) {
      // A loop around both the access and the signal writes again after the signal.
      if (!signals(s.role) || s.omp.single != from.omp.single || s.loc.offset <= from.offset ||
          shareLoop(fn, s.loop, from.loop))
        continue;
      for (const HandOff &w : fn.handOffs)
        if (awaits(w.role) && w.object == s.object && w.omp.single == to.omp.single && w.loc.offset < to.offset)
          return true;
    }
    return false;
  };
  return publishes(a, b) || publishes(b, a);
}

bool HandOffOrder::ordered(const AccessPoint &a, const AccessPoint &b) const {
  if (publishes(a, b) || publishes(b, a))
    return true;
  // A baton: a sits after an await of X and before a signal of Y, b after an await of Y and
  // before a signal of X (X may be Y: a lock made of an await and a signal).
  std::vector<std::pair<std::string, std::string>> aPasses = passedThrough(a), bPasses = passedThrough(b);
  for (const auto &[awaitedByA, signalledByA] : aPasses)
    for (const auto &[awaitedByB, signalledByB] : bPasses)
      if (awaitedByA == signalledByB && awaitedByB == signalledByA)
        return true;
  // Different phases of one barrier both threads pass the same number of times per round.
  std::map<std::string, Phase> aPhases = phases(a), bPhases = phases(b);
  for (const auto &[object, x] : aPhases)
    if (auto y = bPhases.find(object);
        y != bPhases.end() && x.count == y->second.count && x.looped == y->second.looped && x.phase != y->second.phase)
      return true;
  return false;
}

} // namespace concur
