#include "Evidence.h"

#include "fmt/format.h"

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

} // namespace concur
