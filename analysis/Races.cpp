#include "Races.h"

#include "TaskOrder.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <set>
#include <tuple>

namespace concur {

constexpr uint32_t ThisParamIndex = 0xFFFFFFFFu;
constexpr uint32_t CapturesParamIndex = 0xFFFFFFFEu;
constexpr int MaxDepth = 12;
constexpr size_t MaxVisitsPerContext = 20000;

/// What a function's parameters refer to in one context, and the locks its callers hold.
struct RaceDetector::Frame {
  struct Bound {
    std::string location;
    bool perInstance = false;
    std::string element; // `&temp[2]` passed: the constant element of `location`
  };
  std::map<std::string, Bound> params; // "0", "1", "this", "capture:<usr>"
  std::vector<HeldLock> held;
  std::string identity; // a region's own function: its parameters are themselves, scoped by this

  /// `p:0.count` with parameter 0 bound to `l:…data` is `l:…data.count`.
  std::optional<std::pair<std::string, bool>> resolve(const std::string &key) const {
    if (!llvm::StringRef(key).starts_with("p:"))
      return std::make_pair(key, false);
    size_t end = 2;
    if (llvm::StringRef(key).substr(2).starts_with("this"))
      end = 6;
    else
      while (end < key.size() && std::isdigit(static_cast<unsigned char>(key[end])))
        ++end;
    auto it = params.find(key.substr(2, end - 2));
    if (it == params.end() && !identity.empty())
      return std::make_pair(identity + key, false);
    if (it == params.end() || llvm::StringRef(it->second.location).starts_with("value:"))
      return std::nullopt;
    return std::make_pair(it->second.location + key.substr(end), it->second.perInstance);
  }

  std::string signature() const {
    std::string text;
    for (const auto &[param, bound] : params)
      text += param + "=" + bound.location + (bound.perInstance ? "!" : "") + ";";
    text += "|";
    for (const HeldLock &lock : held)
      text += lock.lock + (lock.shared ? "s" : "") + ";";
    return text;
  }
};

namespace {

std::string paramName(uint32_t index) {
  if (index == ThisParamIndex)
    return "this";
  return std::to_string(index);
}

void addLock(std::vector<HeldLock> &held, const HeldLock &lock) {
  for (HeldLock &h : held)
    if (h.lock == lock.lock) {
      h.shared = h.shared && lock.shared;
      return;
    }
  held.push_back(lock);
}

/// Whether two Access::rows lists put the elements in different rows for the whole team: at
/// some subscript, two different constants, or one unchanged local plus different constants
/// (`b[k][j]` against `b[k-1][j]`).
bool differentRows(llvm::StringRef a, llvm::StringRef b) {
  llvm::SmallVector<llvm::StringRef, 4> as, bs;
  a.split(as, ','), b.split(bs, ',');
  if (a.empty() || b.empty() || as.size() != bs.size())
    return false;
  for (size_t d = 0; d < as.size(); ++d) {
    if (as[d] == "?" || bs[d] == "?" || as[d] == bs[d])
      continue;
    if (as[d].starts_with("#") && bs[d].starts_with("#"))
      return true;
    auto [aOffset, aVar] = as[d].split(':');
    auto [bOffset, bVar] = bs[d].split(':');
    if (!as[d].starts_with("#") && !bs[d].starts_with("#") && aVar == bVar)
      return true; // the same local, different offsets
  }
  return false;
}

bool loopWithin(const Function &fn, int32_t loop, int32_t ancestor) {
  for (int32_t l = loop; l >= 0; l = fn.loops[l].parent)
    if (l == ancestor)
      return true;
  return false;
}

} // namespace

RaceDetector::RaceDetector(const Program &program, const ThreadReachability &threads)
    : program(program), threads(threads), handOffs(program) {
  // Every main is a program's main thread; which mains reach a function tells its program.
  mainsOf.assign(program.functions().size(), {});
  for (uint32_t f = 0; f < program.functions().size(); ++f) {
    if (!program.functions()[f].isMain)
      continue;
    contextList.push_back(RaceContext{-1, f, false});
    std::vector<bool> seen(program.functions().size(), false);
    std::vector<uint32_t> work{f};
    seen[f] = true;
    while (!work.empty()) {
      uint32_t g = work.back();
      work.pop_back();
      mainsOf[g].push_back(f);
      auto visitTarget = [&](int32_t t) {
        if (t >= 0 && !seen[t]) {
          seen[t] = true;
          work.push_back(uint32_t(t));
        }
      };
      for (const Edge &e : program.callees(g))
        visitTarget(int32_t(e.callee));
      for (const Spawn &spawn : program.functions()[g].spawns)
        visitTarget(program.find(spawn.entry));
    }
  }
  for (uint32_t e = 0; e < threads.entries().size(); ++e) {
    const ThreadEntry &entry = threads.entries()[e];
    // Instances of one site run together when the site is in a loop, unless each is joined
    // in the same iteration; other sites of the same function are contexts of their own.
    const Function &spawner = program.functions()[entry.spawner];
    const Spawn &spawn = spawner.spawns[entry.spawn];
    bool self = spawn.loop >= 0;
    for (const auto &[offset, loop] : joinPoints(entry.spawner))
      if (self && offset > spawn.loc.offset && loop >= 0 && loopWithin(spawner, spawn.loop, loop) &&
          loopWithin(spawner, loop, spawn.loop))
        self = false;
    contextList.push_back(RaceContext{int32_t(e), entry.function, self});
  }
  for (uint32_t f = 0; f < program.functions().size(); ++f) {
    const auto &regions = program.functions()[f].ompRegions;
    for (uint32_t r = 0; r < regions.size(); ++r)
      contextList.push_back(RaceContext{-1, f, true, int32_t(r)});
  }
  reachedByTeam.assign(program.functions().size(), false);
  for (uint32_t c = 0; c < contextList.size(); ++c)
    collect(c);
  // A function whose tasks are orphaned (made outside its own regions) runs them on the team
  // of a region that calls it: its code and those tasks are a context of their own.
  for (uint32_t f = 0; f < program.functions().size(); ++f) {
    const auto &tasks = program.functions()[f].ompTasks;
    if (reachedByTeam[f] && std::any_of(tasks.begin(), tasks.end(), [](const OmpTask &t) { return t.place.region < 0; })) {
      contextList.push_back(RaceContext{-1, f, true, -1, true});
      collect(uint32_t(contextList.size() - 1));
    }
  }
  findRaces();
}

void RaceDetector::bindThroughOnlyCaller(Frame &frame, uint32_t spawner) const {
  for (int depth = 0; depth < 4; ++depth) {
    bool open = std::any_of(frame.params.begin(), frame.params.end(), [](const auto &p) {
      return llvm::StringRef(p.second.location).starts_with("p:");
    });
    if (!open)
      return;
    const Call *only = nullptr;
    uint32_t caller = 0;
    int calls = 0;
    for (uint32_t g : program.callers(spawner)) // each caller once, each of its calls one edge
      for (const Edge &edge : program.callees(g))
        if (edge.callee == spawner)
          only = &program.functions()[g].calls[edge.call], caller = g, ++calls;
    if (calls != 1)
      return; // several callers pass different objects: the thread's stay its own
    Frame outer;
    for (const ArgBinding &b : only->args)
      outer.params[paramName(b.param)] = Frame::Bound{b.location, b.perIteration};
    for (auto &[name, bound] : frame.params)
      if (llvm::StringRef(bound.location).starts_with("p:"))
        if (auto resolved = outer.resolve(bound.location))
          bound.location = resolved->first;
    spawner = caller;
  }
}

void RaceDetector::collect(uint32_t context) {
  const RaceContext &ctx = contextList[context];
  Frame frame;
  if (ctx.entry >= 0) {
    const ThreadEntry &entry = threads.entries()[ctx.entry];
    const Spawn &spawn = program.functions()[entry.spawner].spawns[entry.spawn];
    for (const ArgBinding &b : spawn.args) {
      std::string name = b.param == CapturesParamIndex ? b.location : paramName(b.param);
      frame.params[name] = Frame::Bound{b.location, b.perIteration, b.element};
    }
    bindThroughOnlyCaller(frame, entry.spawner);
  }
  if (ctx.ompRegion >= 0)
    frame.identity = "@" + std::to_string(ctx.root) + ":";
  std::vector<ThreadPath::Step> path;
  std::map<std::string, bool> seen;
  visit(context, ctx.root, frame, path, seen, 0);
}

void RaceDetector::visit(uint32_t context, uint32_t f, const Frame &frame, std::vector<ThreadPath::Step> &path,
                         std::map<std::string, bool> &seen, int depth) {
  if (depth > MaxDepth || seen.size() > MaxVisitsPerContext)
    return;
  const Function &fn = program.functions()[f];
  const RaceContext &ctx = contextList[context];
  // Under a region, the statement of the root that calls down here is part of what is seen:
  // where in the region it runs decides what it may race with.
  std::string key = std::to_string(f) + "#" + frame.signature();
  if (depth > 0 && ordersByOpenMP(context))
    key += "@" + std::to_string(rootAt);
  if (!seen.emplace(key, true).second)
    return;
  if (ctx.ompRegion >= 0 && depth > 0)
    reachedByTeam[f] = true;
  // Statements of a parallel region belong to the region's team, at the region's root only.
  auto belongs = [&](const OmpPlace &place) {
    if (depth == 0 && ctx.ompRegion >= 0)
      return place.region == ctx.ompRegion;
    return place.region < 0;
  };
  bool openmp = ordersByOpenMP(context);
  for (uint32_t i = 0; i < fn.accesses.size(); ++i) {
    const Access &a = fn.accesses[i];
    if (!belongs(a.omp))
      continue;
    auto resolved = frame.resolve(a.location);
    if (!resolved)
      continue; // what an unbound parameter points to is the thread's own
    // Below a region's function, a local is the calling thread's or task's own: one of the
    // callee's (a recursive call's too), or one a callee passed further down.
    if (openmp && depth > 0 && llvm::StringRef(resolved->first).starts_with("l:") &&
        (!localDeclaredIn(resolved->first, program.functions()[ctx.root].usr) ||
         (llvm::StringRef(a.location).starts_with("l:") && localDeclaredIn(a.location, fn.usr))))
      continue;
    ContextAccess ca;
    ca.context = context;
    ca.function = f;
    ca.access = i;
    ca.location = resolved->first;
    ca.instancePrivate = resolved->second;
    // An element indexed by the instance's own number is the instance's own element.
    if (llvm::StringRef(a.index).starts_with("const:"))
      ca.indexValue = a.index.substr(6);
    // `*out` where the thread was given `&temp[2]`: element 2 of `temp`.
    if (llvm::StringRef(a.location).starts_with("p:"))
      if (auto it = frame.params.find(a.location.substr(2)); it != frame.params.end() && !it->second.element.empty())
        ca.indexValue = it->second.element;
    if (llvm::StringRef(a.index).starts_with("param:")) {
      auto it = frame.params.find(a.index.substr(6));
      ca.instancePrivate |= it != frame.params.end() && it->second.location == "value:iv";
      if (it != frame.params.end() && llvm::StringRef(it->second.location).starts_with("value:") &&
          it->second.location != "value:iv")
        ca.indexValue = it->second.location.substr(6);
    } else if (llvm::StringRef(a.index).starts_with("capture:")) {
      ca.instancePrivate |= frame.params.count(a.index) > 0;
    }
    ca.held = frame.held;
    for (const HeldLock &lock : a.held)
      if (auto key = frame.resolve(lock.lock))
        addLock(ca.held, HeldLock{key->first, lock.display, lock.shared});
    ca.path = path;
    if (!a.declaredGuard.lock.empty())
      if (auto guard = frame.resolve(a.declaredGuard.lock))
        ca.declaredGuard = guard->first;
    if (openmp) {
      ca.omp = depth == 0 ? a.omp : rootPlace;
      ca.index = depth == 0 ? a.index : "";
      ca.rows = depth == 0 ? a.rows : "";
      ca.rootAt = depth == 0 ? a.loc.offset : rootAt;
      ca.rootLoop = depth == 0 ? a.loop : rootLoop;
    }
    accesses.push_back(std::move(ca));
  }
  for (uint32_t h = 0; h < fn.handOffs.size(); ++h)
    if (auto object = frame.resolve(fn.handOffs[h].object))
      handOffs.add(context, ContextHandOff{f, h, object->first, path});
  for (uint32_t c = 0; c < fn.calls.size(); ++c) {
    const Call &call = fn.calls[c];
    if (call.acquires.empty() || !belongs(call.omp))
      continue;
    std::vector<HeldLock> held = frame.held;
    for (const HeldLock &lock : call.held)
      if (auto key = frame.resolve(lock.lock))
        addLock(held, HeldLock{key->first, lock.display, lock.shared});
    for (const HeldLock &taken : call.acquires) {
      auto to = frame.resolve(taken.lock);
      if (!to)
        continue;
      for (const HeldLock &from : held)
        if (from.lock != to->first)
          edgeList.push_back(LockEdge{context, f, c, from, HeldLock{to->first, taken.display, taken.shared}, held, path});
    }
  }
  for (const Edge &e : program.callees(f)) {
    const Call &call = fn.calls[e.call];
    if (call.kind != CallKind::Direct && call.kind != CallKind::Virtual)
      continue;
    if (!belongs(call.omp))
      continue;
    if (depth == 0 && openmp) {
      rootPlace = call.omp;
      rootAt = call.loc.offset;
      rootLoop = call.loop;
    }
    Frame inner;
    inner.held = frame.held;
    for (const HeldLock &lock : call.held)
      if (auto key = frame.resolve(lock.lock))
        addLock(inner.held, HeldLock{key->first, lock.display, lock.shared});
    for (const ArgBinding &b : call.args)
      if (auto where = frame.resolve(b.location))
        inner.params[paramName(b.param)] = Frame::Bound{where->first, where->second || b.perIteration};
    for (const auto &[name, bound] : frame.params) // by-copy captures reach nested lambdas' calls
      if (llvm::StringRef(name).starts_with("capture:"))
        inner.params[name] = bound;
    path.push_back(ThreadPath::Step{f, e.call, e.callee});
    visit(context, e.callee, inner, path, seen, depth + 1);
    path.pop_back();
  }
}

bool RaceDetector::concurrentWithThread(const ContextAccess &a, const ThreadEntry &thread,
                                        const ContextAccess &threadAccess) const {
  const Spawn &spawn = program.functions()[thread.spawner].spawns[thread.spawn];
  if (std::optional<Position> at = positionIn(a, thread.spawner))
    return overlapsStart(a, *at, thread.spawner, spawn.loc.offset, spawn.loop, threadAccess);
  // A thread that outlives the function starting it (`void start() { th_ = std::thread(…); }`,
  // no join there after the start) runs from the call of that function on: the access is
  // ordered against that call, in the nearest function of its path that makes it.
  for (const auto &[joinOffset, joinLoop] : joinPoints(thread.spawner))
    if (joinOffset > spawn.loc.offset)
      return false; // joined before the spawner returns: no order known here, stay quiet
  std::vector<uint32_t> frames{a.function};
  for (auto step = a.path.rbegin(); step != a.path.rend(); ++step)
    frames.push_back(step->caller);
  for (uint32_t frame : frames) {
    std::optional<Position> at = positionIn(a, frame);
    if (!at)
      continue;
    const Function &fn = program.functions()[frame];
    const Call *start = nullptr; // the last call of the spawner before the access
    for (const Edge &edge : program.callees(frame))
      if (edge.callee == thread.spawner && fn.calls[edge.call].loc.offset < at->offset &&
          (!start || fn.calls[edge.call].loc.offset > start->loc.offset))
        start = &fn.calls[edge.call];
    if (start) {
      at->direct = false; // the element-filling rule below is about the spawn itself
      return overlapsStart(a, *at, frame, start->loc.offset, start->loop, threadAccess);
    }
  }
  return false; // no order known relative to the start: stay quiet
}

std::optional<RaceDetector::Position> RaceDetector::positionIn(const ContextAccess &a, uint32_t function) const {
  if (a.function == function) { // the access itself, however the context reached its function
    const Access &access = accessOf(a);
    return Position{access.loc.offset, access.loop, true};
  }
  for (const ThreadPath::Step &step : a.path)
    if (step.caller == function) { // the call on the way to it
      const Call &call = program.functions()[function].calls[step.call];
      return Position{call.loc.offset, call.loop, false};
    }
  return std::nullopt;
}

bool RaceDetector::overlapsStart(const ContextAccess &a, const Position &at, uint32_t function, uint32_t startOffset,
                                 int32_t startLoop, const ContextAccess &threadAccess) const {
  const Function &spawner = program.functions()[function];
  uint32_t offset = at.offset;
  int32_t loop = at.loop;
  bool inSpawnLoop = startLoop >= 0 && loopWithin(spawner, loop, startLoop);
  if (!inSpawnLoop && offset < startOffset)
    return false; // before the thread starts
  // `args[i].n = …; pthread_create(…, &args[i])`: in the loop that starts a thread per element,
  // the spawner's element i is written before thread i starts, and every thread has only its own.
  if (inSpawnLoop && loop == startLoop && at.direct && offset < startOffset && accessOf(a).index == "iv" &&
      threadAccess.instancePrivate)
    return false;
  for (const auto &[joinOffset, joinLoop] : joinPoints(function)) {
    if (joinOffset <= startOffset)
      continue;
    bool sameIteration = startLoop >= 0 && joinLoop == startLoop;
    if (sameIteration) // started and joined in one iteration: only the span between counts
      return inSpawnLoop && offset > startOffset && offset < joinOffset;
    if (startLoop >= 0 && loopWithin(spawner, joinLoop, startLoop))
      continue;
    bool inJoinLoop = joinLoop >= 0 && loopWithin(spawner, loop, joinLoop);
    if (offset > joinOffset && !inJoinLoop)
      return false; // after the thread was joined
    break;
  }
  return true;
}

std::vector<std::pair<uint32_t, int32_t>> RaceDetector::joinPoints(uint32_t spawner) const {
  std::vector<std::pair<uint32_t, int32_t>> points;
  const Function &fn = program.functions()[spawner];
  for (const Join &join : fn.joins)
    points.emplace_back(join.loc.offset, join.loop);
  // `std::for_each(ts.begin(), ts.end(), [](std::thread &t) { t.join(); })`, `joinAll(ts)`: a
  // call to a function that joins threads it did not start joins the caller's.
  for (const Edge &edge : program.callees(spawner)) {
    const Function &callee = program.functions()[edge.callee];
    if (!callee.joins.empty() && callee.spawns.empty())
      points.emplace_back(fn.calls[edge.call].loc.offset, fn.calls[edge.call].loop);
  }
  // A latch or barrier wait is a rendezvous the hand-offs follow exactly (each thread's writes
  // before its own count_down, and not after it); other waits are taken to end every thread.
  std::set<int32_t> rendezvous;
  for (const HandOff &h : fn.handOffs)
    if (h.rendezvous && h.role != HandOffRole::Signal)
      rendezvous.insert(h.call);
  for (uint32_t c = 0; c < fn.calls.size(); ++c) {
    const Call &call = fn.calls[c];
    if ((call.effect.sync == SyncKind::Barrier || call.effect.sync == SyncKind::Wait ||
         call.effect.sync == SyncKind::Get || call.effect.sync == SyncKind::Join) &&
        !rendezvous.count(int32_t(c)))
      points.emplace_back(call.loc.offset, call.loop);
  }
  std::sort(points.begin(), points.end());
  return points;
}

bool RaceDetector::sameProgram(uint32_t a, uint32_t b) const {
  const std::vector<uint32_t> &ma = mainsOf[contextList[a].root], &mb = mainsOf[contextList[b].root];
  if (ma.empty() || mb.empty())
    return true;
  for (uint32_t x : ma)
    if (std::find(mb.begin(), mb.end(), x) != mb.end())
      return true;
  return false;
}

bool RaceDetector::mayRunTogether(const ContextAccess &a, const ContextAccess &b) const {
  if (!sameProgram(a.context, b.context))
    return false;
  const RaceContext &ca = contextList[a.context], &cb = contextList[b.context];
  if (a.context == b.context) {
    if (ordersByOpenMP(a.context))
      return ca.selfConcurrent && teamMayOverlap(a, b, &a == &b);
    // Two accesses that each touch their instance's own element or object never meet; one that
    // does and one that may touch any (`cells[id]` and `cells[(id + 1) % n]`) may.
    return ca.selfConcurrent && !(a.instancePrivate && b.instancePrivate) && !handedOff(a, b);
  }
  if (ordersByOpenMP(a.context) || ordersByOpenMP(b.context))
    return false; // a region and the rest of its thread are ordered; other threads: not modelled
  bool overlap = ca.entry < 0   ? concurrentWithThread(a, threads.entries()[cb.entry], b)
                 : cb.entry < 0 ? concurrentWithThread(b, threads.entries()[ca.entry], a)
                                : threadsOverlap(threads.entries()[ca.entry], threads.entries()[cb.entry]);
  return overlap && !handedOff(a, b);
}

bool RaceDetector::handedOff(const ContextAccess &a, const ContextAccess &b) const {
  auto point = [&](const ContextAccess &c) {
    const Access &access = accessOf(c);
    return AccessPoint{c.context, c.function, access.loc.offset, access.loop, &c.path,
                       contextList[c.context].selfConcurrent};
  };
  return handOffs.ordered(point(a), point(b));
}

bool RaceDetector::threadsOverlap(const ThreadEntry &ta, const ThreadEntry &tb) const {
  if (ta.spawner != tb.spawner)
    return true;
  // Two threads started by the same function, the first joined before the second starts
  // (unless both sites are in one loop: the next iteration starts the first again).
  const Function &spawner = program.functions()[ta.spawner];
  const Spawn &sa = spawner.spawns[ta.spawn], &sb = spawner.spawns[tb.spawn];
  uint32_t first = std::min(sa.loc.offset, sb.loc.offset), second = std::max(sa.loc.offset, sb.loc.offset);
  bool sameLoop = sa.loop >= 0 && sa.loop == sb.loop;
  for (const auto &[joinOffset, joinLoop] : joinPoints(ta.spawner))
    if (!sameLoop && joinOffset > first && joinOffset < second)
      return false;
  return true;
}

bool RaceDetector::contextsOverlap(uint32_t a, uint32_t b) const {
  if (!sameProgram(a, b))
    return false;
  const RaceContext &ca = contextList[a], &cb = contextList[b];
  if (a == b)
    return ca.selfConcurrent;
  if (ordersByOpenMP(a) || ordersByOpenMP(b))
    return false;
  if (ca.entry < 0 || cb.entry < 0)
    return true; // main runs beside every thread at some point
  return threadsOverlap(threads.entries()[ca.entry], threads.entries()[cb.entry]);
}

bool RaceDetector::inLeague(const ContextAccess &a) const {
  const RaceContext &ctx = contextList[a.context];
  return ctx.ompRegion >= 0 && program.functions()[ctx.root].ompRegions[ctx.ompRegion].league;
}

bool RaceDetector::teamMayOverlap(const ContextAccess &a, const ContextAccess &b, bool sameAccess) const {
  const RaceContext &ctx = contextList[a.context];
  if (!inLeague(a) && a.omp.phase != b.omp.phase)
    return false; // a barrier between them, which ends every task too
  if (differentRows(a.rows, b.rows))
    return false;
  if (a.omp.task >= 0 || b.omp.task >= 0) {
    TaskOrder order(program.functions()[ctx.root], !ctx.taskGraph);
    return order.mayOverlap(TaskPoint{a.omp, a.rootAt, a.rootLoop, a.index}, TaskPoint{b.omp, b.rootAt, b.rootLoop, b.index});
  }
  if (ctx.taskGraph)
    return false; // one thread runs the function's own code
  // The teams of a league share no barrier, and each runs its own `single` and `master`.
  if (!inLeague(a)) {
    if (a.omp.single >= 0 && a.omp.single == b.omp.single)
      return false; // one thread runs the whole construct
    if (sameAccess && a.omp.single >= 0)
      return false;
    if (teamHandedOff(program.functions()[ctx.root], TeamPoint{a.omp, a.rootAt, a.rootLoop},
                      TeamPoint{b.omp, b.rootAt, b.rootLoop}))
      return false;
  }
  if (a.omp.inWorksharingLoop && b.omp.inWorksharingLoop && a.omp.iterations >= 0 &&
      a.omp.iterations == b.omp.iterations) {
    // Each iteration runs once, on the thread that runs it in every loop of the same iteration
    // space: accesses indexed the same way by the loop variable meet only in one iteration;
    // `a[i]` against `a[i+1]` is a loop-carried dependence.
    if (!a.index.empty() && a.index == b.index && (a.index == "iv" || llvm::StringRef(a.index).starts_with("iv")))
      return false;
  }
  if (a.index == "tid" && b.index == "tid" && !inLeague(a))
    return false; // one slot per thread
  return true;
}

bool RaceDetector::protectedByCommonLock(const ContextAccess &a, const ContextAccess &b) const {
  for (const HeldLock &x : a.held)
    for (const HeldLock &y : b.held)
      if (x.lock == y.lock && !(x.shared && y.shared))
        return true;
  return false;
}

bool RaceDetector::ownFrameLocal(const ContextAccess &c) const {
  if (contextList[c.context].entry < 0)
    return false;
  llvm::StringRef location(c.location);
  // `h:<allocating function>|<file>:<offset>`: an object that code allocates each time it runs.
  auto madeIn = [&](uint32_t function) {
    const std::string &usr = program.functions()[function].usr;
    return location.starts_with("l:") ? localDeclaredIn(location, usr)
                                      : location.starts_with("h:") && location.drop_front(2).starts_with(usr + "|");
  };
  return madeIn(c.function) || std::any_of(c.path.begin(), c.path.end(), [&](const ThreadPath::Step &step) {
           return madeIn(step.caller);
         });
}

bool RaceDetector::mayRace(const ContextAccess &a, const ContextAccess &b) const {
  const Access &x = accessOf(a), &y = accessOf(b);
  if (x.kind != AccessKind::Write && y.kind != AccessKind::Write)
    return false;
  if (x.atomic && y.atomic)
    return false;
  if (&a == &b && !contextList[a.context].selfConcurrent)
    return false;
  // A lock or critical section orders the threads of one team, not the teams of a league.
  bool acrossTeams = a.context == b.context && inLeague(a);
  if ((!acrossTeams && protectedByCommonLock(a, b)) || !mayRunTogether(a, b))
    return false;
  if (!a.indexValue.empty() && !b.indexValue.empty() && a.indexValue != b.indexValue)
    return false; // different elements
  // A local of a frame a thread runs itself (its entry or a function it calls) is that thread's
  // own, whichever other thread runs the same code: `char line[32]; memset(line, …)` in two
  // threads of `service` are two arrays.
  if (ownFrameLocal(a) || ownFrameLocal(b))
    return false;
  return true;
}

void RaceDetector::findRaces() {
  std::map<std::string, std::vector<uint32_t>> byLocation;
  for (uint32_t i = 0; i < accesses.size(); ++i)
    byLocation[accesses[i].location].push_back(i);
  std::set<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>> reported;
  for (const auto &[location, group] : byLocation) {
    for (size_t i = 0; i < group.size(); ++i)
      for (size_t j = i; j < group.size(); ++j) {
        const ContextAccess &a = accesses[group[i]], &b = accesses[group[j]];
        if (!mayRace(a, b))
          continue;
        const Access &x = accessOf(a);
        bool xFirst = x.kind == AccessKind::Write;
        const ContextAccess &w = xFirst ? a : b, &o = xFirst ? b : a;
        const Access &wa = accessOf(w), &oa = accessOf(o);
        auto key = std::make_tuple(std::min(wa.loc.file, oa.loc.file), std::min(wa.loc.offset, oa.loc.offset),
                                   std::max(wa.loc.file, oa.loc.file), std::max(wa.loc.offset, oa.loc.offset));
        if (!reported.insert(key).second)
          continue;
        raceList.push_back(Race{w, o});
      }
  }
  auto order = [&](const Race &r) {
    const Access &a = accessOf(r.write), &b = accessOf(r.other);
    return std::make_tuple(program.fileOf(a.loc), a.loc.offset, program.fileOf(b.loc), b.loc.offset);
  };
  std::sort(raceList.begin(), raceList.end(), [&](const Race &l, const Race &r) { return order(l) < order(r); });
}

} // namespace concur
