#include "Evidence.h"

#include "../analysis/Classify.h"

#include "fmt/format.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

namespace concur {

SourcePoint pointOf(const Program &program, const Loc &loc) {
  SourcePoint p;
  if (!loc.valid())
    return p;
  p.file = program.fileOf(loc);
  p.line = loc.line;
  p.column = loc.col;
  p.offset = loc.offset;
  return p;
}

void appendThreadPathNotes(const Program &program, const ThreadPath &path, std::vector<Note> &notes) {
  const auto &functions = program.functions();
  const ThreadEntry &entry = *path.entry;
  const Function &spawner = functions[entry.spawner];
  const Spawn &spawn = spawner.spawns[entry.spawn];
  notes.push_back(Note{fmt::format("thread started here by '{}', running '{}'{}", spawner.name,
                                   functions[entry.function].name,
                                   entry.concurrentWithItself ? " (several instances may run at once)" : ""),
                       pointOf(program, spawn.loc), {}});
  for (const ThreadPath::Step &step : path.steps)
    notes.push_back(Note{fmt::format("'{}' calls '{}'", functions[step.caller].name,
                                     functions[step.callee].name),
                         pointOf(program, functions[step.caller].calls[step.call].loc), {}});
}

void appendBlockingNotes(const Program &program, const BlockingChain &chain, std::vector<Note> &notes) {
  const auto &functions = program.functions();
  for (size_t i = 1; i < chain.size(); ++i) {
    const Call &call = functions[chain[i].function].calls[chain[i].call];
    int32_t callee = program.find(call.callee);
    std::string name = callee >= 0 ? functions[callee].name : call.calleeName;
    std::string why = i + 1 == chain.size() ? " (" + blockingReason(call) + ")" : "";
    notes.push_back(Note{fmt::format("'{}' calls '{}'{}", functions[chain[i].function].name, name, why),
                         pointOf(program, call.loc), {}});
  }
}

std::string describeFirst(const Program &program, const Classification &work) {
  if (work.evidence.empty())
    return "";
  const EvidenceStep &last = work.evidence.back();
  std::string text = last.message;
  if (llvm::StringRef(text).starts_with("calls "))
    text = text.substr(6);
  if (size_t cut = text.find(" in a loop"); cut != std::string::npos)
    text = text.substr(0, cut);
  if (last.loc.valid())
    text += fmt::format(" at {}:{}", llvm::sys::path::filename(program.fileOf(last.loc)), last.loc.line);
  return text;
}

bool isLongLived(const Program &program, uint32_t entry) {
  std::vector<uint32_t> around{entry};
  for (const Edge &e : program.callees(entry))
    around.push_back(e.callee);
  for (uint32_t f : around) {
    const Function &fn = program.functions()[f];
    for (const Call &call : fn.calls) {
      if (call.loop < 0 || fn.loops[call.loop].tripCount >= 0)
        continue;
      bool waits = call.effect.sync == SyncKind::Wait || call.effect.sync == SyncKind::Get ||
                   call.effect.io == IoKind::Sleep;
      if (!waits)
        for (const Edge &e : program.callees(f))
          if (&fn.calls[e.call] == &call)
            for (const Call &inner : program.functions()[e.callee].calls)
              waits |= inner.effect.sync == SyncKind::Wait || inner.effect.sync == SyncKind::Get;
      if (waits)
        return true;
    }
  }
  return false;
}

std::string blockingReason(const Call &call) {
  switch (call.effect.io) {
  case IoKind::File: return "waits on a file";
  case IoKind::Net: return "waits on the network";
  case IoKind::Ipc: return "waits on another process";
  case IoKind::Sleep: return "sleeps";
  case IoKind::Terminal: return "waits on the terminal";
  case IoKind::Process: return "waits on a child process";
  case IoKind::Db: return "waits on a database";
  case IoKind::None: break;
  }
  switch (call.effect.sync) {
  case SyncKind::Lock: return "waits for a lock";
  case SyncKind::Wait: return "waits for another thread";
  case SyncKind::Join: return "waits for a thread to finish";
  case SyncKind::Get: return "waits for a result";
  case SyncKind::Barrier: return "waits at a barrier";
  case SyncKind::None: break;
  }
  return "blocks";
}

} // namespace concur
