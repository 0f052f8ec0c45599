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

std::vector<std::string> HandOffOrder::heldBetween(const AccessPoint &p) const {
  struct Side {
    std::string object;
    uint32_t offset;
    int32_t loop;
    uint32_t function;
  };
  std::vector<Side> before, after;
  forEachAtLevel(p, [&](const ContextHandOff &seen, const HandOff &h, const Level &at) {
    if (awaits(h.role) && h.loc.offset < at.offset)
      before.push_back(Side{seen.object, h.loc.offset, h.loop, at.function});
    if (signals(h.role) && h.loc.offset > at.offset)
      after.push_back(Side{seen.object, h.loc.offset, h.loop, at.function});
  });
  std::vector<std::string> objects;
  for (const Side &w : before)
    for (const Side &s : after)
      if (w.object == s.object && w.function == s.function && w.loop == s.loop)
        objects.push_back(w.object);
  return objects;
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
  return publishes(a, b) || publishes(b, a) || intersect(heldBetween(a), heldBetween(b));
}

} // namespace concur
