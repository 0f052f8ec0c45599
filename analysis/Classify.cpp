#include "Classify.h"

#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <cmath>

namespace concur {

const char *workloadName(Workload w) {
  switch (w) {
  case Workload::Trivial: return "trivial";
  case Workload::Io: return "io";
  case Workload::Cpu: return "cpu";
  case Workload::Sync: return "sync";
  case Workload::Mixed: return "mixed";
  case Workload::Unknown: return "unknown";
  }
  return "?";
}

const char *ioKindName(IoKind k) {
  static const char *const names[] = {"none", "file", "net", "ipc", "sleep", "terminal", "process", "db"};
  return names[size_t(k)];
}

bool Profile::hasIo() const {
  return std::any_of(io.begin() + 1, io.end(), [](double w) { return w > 0; });
}

namespace {

constexpr size_t MaxChain = 6;
constexpr double MaxWeight = 1e9;
/// A loop nest of this many fixed steps doing arithmetic is cpu work whatever its input.
constexpr int64_t kComputeSteps = 1000;

/// One loop level multiplies a call's weight: a call in a loop dominates one outside.
double loopWeight(uint32_t depth) { return std::pow(4.0, std::min<uint32_t>(depth, 6)); }

EvidenceChain prepend(EvidenceStep step, const EvidenceChain &rest) {
  EvidenceChain chain{std::move(step)};
  for (const EvidenceStep &s : rest) {
    if (chain.size() >= MaxChain)
      break;
    chain.push_back(s);
  }
  return chain;
}

std::string callStep(const std::string &name, uint32_t loopDepth) {
  std::string text = "calls " + name;
  if (loopDepth == 1)
    text += " in a loop";
  else if (loopDepth > 1)
    text += " in a loop nest of depth " + std::to_string(loopDepth);
  return text;
}

/// Terminal reads (getchar, std::cin, fgets on stdin) wait for a person; they are never logging.
bool isInput(llvm::StringRef name) {
  return name.contains("get") || name.contains("scan") || name.contains("read") ||
         name.contains("istream") || name.contains("cin");
}

bool sameLabelFacts(const Profile &a, const Profile &b) {
  for (size_t k = 1; k < a.io.size(); ++k)
    if ((a.io[k] > 0) != (b.io[k] > 0))
      return false;
  return a.cpu == b.cpu && a.sync == b.sync && a.unknown == b.unknown;
}

/// A terminal write made on behalf of the function, decided once its cpu level is known.
struct PendingTerminal {
  double weight;
  EvidenceChain why;
  int32_t loop;
  uint32_t loopDepth;
};

} // namespace

Classifier::Classifier(const Program &program) : program(program) {
  const auto &functions = program.functions();
  profiles.assign(functions.size(), Profile());
  results.assign(functions.size(), Classification());
  std::vector<bool> recursive(functions.size(), false);
  sccOf.assign(functions.size(), 0);
  for (uint32_t i = 0; i < program.bottomUpSCCs().size(); ++i)
    for (uint32_t f : program.bottomUpSCCs()[i])
      sccOf[f] = i;
  for (const auto &scc : program.bottomUpSCCs()) {
    if (scc.size() > 1)
      for (uint32_t f : scc)
        recursive[f] = true;
    else
      for (const Edge &e : program.callees(scc[0]))
        recursive[scc[0]] = recursive[scc[0]] || e.callee == scc[0];
  }
  // "Recursion that computes is cpu" holds only once the cycle's io is known (it is not
  // monotone), so each SCC reaches a fixpoint without it first, then with it.
  for (const auto &scc : program.bottomUpSCCs())
    for (bool recursionComputes : {false, true})
      for (int round = 0; round < 8; ++round) {
        bool changed = false;
        for (uint32_t f : scc) {
          Profile next = computeProfile(f, recursive, recursionComputes);
          changed |= !sameLabelFacts(next, profiles[f]);
          profiles[f] = std::move(next);
        }
        if (!changed)
          break;
      }
  for (uint32_t f = 0; f < functions.size(); ++f)
    results[f] = decide(f);
}

Profile Classifier::computeProfile(uint32_t f, const std::vector<bool> &recursive,
                                   bool recursionComputes) const {
  const auto &functions = program.functions();
  const Function &fn = functions[f];
  Profile p;
  std::vector<bool> loopBlocked(fn.loops.size(), false);
  auto block = [&](int32_t loop) {
    for (int32_t l = loop; l >= 0 && size_t(l) < fn.loops.size(); l = fn.loops[l].parent)
      loopBlocked[l] = true;
  };
  auto inInputSizedLoop = [&](int32_t loop) {
    for (int32_t l = loop; l >= 0; l = fn.loops[l].parent)
      if (fn.loops[l].tripCount < 0)
        return true;
    return false;
  };
  auto raiseCpu = [&](CpuLevel level, const EvidenceChain &why) {
    if (level > p.cpu) {
      p.cpu = level;
      p.cpuWhy = why;
    }
  };
  auto addIo = [&](IoKind kind, double weight, const EvidenceChain &why) {
    double &slot = p.io[size_t(kind)];
    if (weight > slot) {
      slot = std::min(weight, MaxWeight);
      p.ioWhy[size_t(kind)] = why;
    }
  };
  std::vector<PendingTerminal> terminal;

  // Targets of each call, from the call graph (virtual calls reach every override).
  std::vector<std::vector<uint32_t>> targets(fn.calls.size());
  for (const Edge &e : program.callees(f))
    targets[e.call].push_back(e.callee);
  // A function named but not passed anywhere (stored, returned) runs only if this function
  // calls through a pointer it cannot resolve; then those are the likely targets.
  bool hasKnownReferences = false, callsThroughPointer = false;
  for (size_t i = 0; i < fn.calls.size(); ++i) {
    hasKnownReferences |= fn.calls[i].kind == CallKind::Reference && !targets[i].empty();
    callsThroughPointer |= fn.calls[i].callee.empty() && fn.calls[i].calleeName.empty();
  }

  auto inherit = [&](const Profile &q, const EvidenceStep &step, const Call *call, int32_t loop,
                     uint32_t depth, bool errorPath, bool sameCycle) {
    // Within a recursion the effects are the cycle's own: they must not grow round after round.
    double weight = sameCycle ? 0 : loopWeight(depth);
    bool terminalOnly = true;
    for (size_t k = 1; k < q.io.size(); ++k)
      if (q.io[k] > 0 && k != size_t(IoKind::Terminal))
        terminalOnly = false;
    if (q.hasIo() && !errorPath) {
      block(loop);
      for (size_t k = 1; k < q.io.size(); ++k) {
        if (q.io[k] <= 0)
          continue;
        EvidenceChain why = prepend(step, q.ioWhy[k]);
        if (sameCycle) {
          if (p.io[k] == 0)
            addIo(IoKind(k), q.io[k], why);
        } else if (k == size_t(IoKind::Terminal) && terminalOnly && q.cpu == CpuLevel::None &&
                   !(call && isInput(call->calleeName)))
          terminal.push_back({q.io[k] * weight, why, loop, depth});
        else
          addIo(IoKind(k), q.io[k] * weight, why);
      }
    }
    if (q.sync) {
      block(loop);
      if (!p.sync) {
        p.sync = true;
        p.syncWhy = prepend(step, q.syncWhy);
      }
    }
    if (q.unknown) {
      block(loop);
      if (!p.unknown) {
        p.unknown = true;
        p.unknownWhy = prepend(step, q.unknownWhy);
      }
    }
    if (q.cpu != CpuLevel::None && !errorPath) {
      CpuLevel level = q.cpu;
      if (level == CpuLevel::Light && loop >= 0 && inInputSizedLoop(loop) && !sameCycle)
        level = CpuLevel::Heavy; // a loop over data, each step a loop over data
      raiseCpu(level, prepend(step, q.cpuWhy));
    }
  };

  for (size_t i = 0; i < fn.calls.size(); ++i) {
    const Call &call = fn.calls[i];
    if (call.calleeName == "co_await")
      continue;
    EvidenceStep step{callStep(call.calleeName.empty() ? "a function pointer" : call.calleeName,
                               call.loopDepth),
                      call.loc};
    const CallEffect &effect = call.effect;
    if (effect.io != IoKind::None && !call.inErrorPath) {
      block(call.loop);
      EvidenceChain why{step};
      if (effect.io == IoKind::Terminal && !isInput(call.calleeName))
        terminal.push_back({loopWeight(call.loopDepth), why, call.loop, call.loopDepth});
      else
        addIo(effect.io, loopWeight(call.loopDepth), why);
    }
    if (effect.sync != SyncKind::None) {
      block(call.loop);
      if (!p.sync) {
        p.sync = true;
        p.syncWhy = {step};
      }
    }
    if (effect.cpu == CpuKind::Heavy && !call.inErrorPath)
      raiseCpu(CpuLevel::Heavy, {step});
    else if (effect.cpu == CpuKind::Light && call.loop >= 0 && inInputSizedLoop(call.loop) &&
             !call.inErrorPath)
      raiseCpu(call.loopDepth >= 2 ? CpuLevel::Heavy : CpuLevel::Light, {step});

    if (call.kind == CallKind::Reference && !callsThroughPointer)
      continue;
    for (uint32_t t : targets[i]) {
      EvidenceStep named{callStep(functions[t].name, call.loopDepth), call.loc};
      inherit(profiles[t], named, &call, call.loop, call.loopDepth, call.inErrorPath, sccOf[t] == sccOf[f]);
    }
    bool unresolved = targets[i].empty() && !call.modelled;
    bool isReference = call.kind == CallKind::Reference || call.kind == CallKind::Callback;
    if (unresolved && !isReference && !(call.callee.empty() && hasKnownReferences)) {
      block(call.loop);
      if (!p.unknown) {
        p.unknown = true;
        p.unknownWhy = {EvidenceStep{step.message + ", which has no body and no model", call.loc}};
      }
    }
  }
  for (const Spawn &spawn : fn.spawns) {
    int32_t entry = program.find(spawn.entry);
    if (entry < 0)
      continue;
    EvidenceStep step{"runs " + functions[entry].name + " on another thread" +
                          (spawn.loopDepth ? " in a loop" : ""),
                      spawn.loc};
    inherit(profiles[entry], step, nullptr, spawn.loop, spawn.loopDepth, false,
            sccOf[uint32_t(entry)] == sccOf[f]);
  }

  // A while loop that does nothing but atomic operations (`while (flag.test_and_set()) {}`,
  // `while (!ready.load())`) spins until another thread changes the atomic: it waits on that
  // thread, as a lock or a condition variable would, only with its core busy.
  for (size_t l = 0; l < fn.loops.size() && !p.sync; ++l) {
    const Loop &loop = fn.loops[l];
    if ((loop.kind != "while" && loop.kind != "do") || loop.arithmetic > 0)
      continue;
    const Call *spin = nullptr;
    bool onlyAtomics = true;
    for (const Call &call : fn.calls)
      if (call.loop == int32_t(l)) {
        onlyAtomics &= call.effect.atomic;
        spin = spin ? spin : &call;
      }
    if (spin && onlyAtomics) {
      block(int32_t(l));
      p.sync = true;
      p.syncWhy = {EvidenceStep{"spins on " + spin->calleeName + " until another thread changes it", spin->loc}};
    }
  }

  // Loops that drive no blocking call and compute: over input-sized ranges they are cpu work,
  // and so is a fixed nest of thousands of steps (a hash's rounds, a simulation's iterations).
  for (size_t l = 0; l < fn.loops.size(); ++l) {
    const Loop &loop = fn.loops[l];
    if (loopBlocked[l] || loop.arithmetic == 0)
      continue;
    if (!inInputSizedLoop(int32_t(l))) {
      int64_t steps = 1;
      for (int32_t a = int32_t(l); a >= 0; a = fn.loops[a].parent)
        steps = std::min<int64_t>(steps * std::max<int64_t>(fn.loops[a].tripCount, 1), 1 << 30);
      if (steps >= kComputeSteps)
        raiseCpu(CpuLevel::Heavy,
                 {EvidenceStep{"has a loop of " + std::to_string(steps) + " steps doing arithmetic", loop.loc}});
      continue;
    }
    // Input-sized loops of the nest that drive no blocking call: two or more make it heavy.
    // A constant inner loop of eight or more steps per element (a CRC's bits) also makes it so.
    uint32_t dataLoops = 0;
    int64_t constantSteps = 1;
    for (int32_t a = int32_t(l); a >= 0; a = fn.loops[a].parent) {
      dataLoops += fn.loops[a].tripCount < 0 && !loopBlocked[a];
      if (fn.loops[a].tripCount > 0)
        constantSteps = std::min<int64_t>(constantSteps * fn.loops[a].tripCount, 1 << 20);
    }
    bool nested = dataLoops >= 2 || (dataLoops == 1 && constantSteps >= 8);
    EvidenceStep step{nested ? "has a loop nest of depth " + std::to_string(loop.depth) +
                                   " doing arithmetic over its data"
                             : "has a loop doing arithmetic over its data",
                      loop.loc};
    raiseCpu(nested ? CpuLevel::Heavy : CpuLevel::Light, {step});
  }
  if (recursionComputes && recursive[f] && fn.arithmetic > 0 && !p.hasIo() && terminal.empty() && !p.unknown && !p.sync)
    raiseCpu(CpuLevel::Heavy, {EvidenceStep{"is recursive and computes", fn.loc}});

  // Logging inside compute: a terminal write once per call, or once per iteration of an
  // outer loop of the nest, is not what a cpu-heavy function spends its time on.
  for (const PendingTerminal &t : terminal) {
    bool logging = false;
    if (p.cpu == CpuLevel::Heavy) {
      logging = t.loopDepth == 0;
      for (size_t l = 0; l < fn.loops.size() && !logging && t.loop >= 0; ++l)
        for (int32_t a = fn.loops[l].parent; a >= 0; a = fn.loops[a].parent)
          if (a == t.loop) {
            logging = true;
            break;
          }
    }
    if (!logging)
      addIo(IoKind::Terminal, t.weight, t.why);
  }
  return p;
}

Classification Classifier::decide(uint32_t f) const {
  const Profile &p = profiles[f];
  Classification c;
  for (size_t k = 1; k < p.io.size(); ++k)
    if (p.io[k] > 0)
      c.subkinds.push_back(IoKind(k));
  std::stable_sort(c.subkinds.begin(), c.subkinds.end(),
                   [&](IoKind a, IoKind b) { return p.io[size_t(a)] > p.io[size_t(b)]; });
  auto confidenceOf = [](const EvidenceChain &why, double direct) {
    return why.size() <= 1 ? direct : std::max(0.6, direct - 0.05 * double(why.size() - 1));
  };
  if (p.hasIo() && p.cpu == CpuLevel::Heavy) {
    c.label = Workload::Mixed;
    c.evidence = p.ioWhy[size_t(c.subkinds.front())];
    c.evidence.insert(c.evidence.end(), p.cpuWhy.begin(), p.cpuWhy.end());
    c.confidence = 0.75;
  } else if (p.hasIo()) {
    c.label = Workload::Io;
    c.evidence = p.ioWhy[size_t(c.subkinds.front())];
    c.confidence = confidenceOf(c.evidence, 0.9);
  } else if (p.cpu != CpuLevel::None) {
    c.label = Workload::Cpu;
    c.evidence = p.cpuWhy;
    c.confidence = confidenceOf(c.evidence, p.cpu == CpuLevel::Heavy ? 0.85 : 0.7);
  } else if (p.sync) {
    c.label = Workload::Sync;
    c.evidence = p.syncWhy;
    c.confidence = confidenceOf(c.evidence, 0.9);
  } else if (p.unknown) {
    c.label = Workload::Unknown;
    c.evidence = p.unknownWhy;
    c.confidence = 0.5;
  } else {
    c.label = Workload::Trivial;
    c.confidence = 0.8;
  }
  return c;
}

} // namespace concur
