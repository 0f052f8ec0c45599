#include "SleepPollingCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"

namespace concur {

void SleepPollingCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  for (const Function &fn : program.functions()) {
    for (int32_t l = 0; l < int32_t(fn.loops.size()); ++l) {
      if (fn.loops[l].tripCount >= 0)
        continue;
      // The loop's own calls: one sleep, and nothing else that waits on the world.
      const Call *sleep = nullptr;
      bool otherIo = false;
      for (const Call &call : fn.calls) {
        if (call.loop != l)
          continue;
        if (call.effect.io == IoKind::Sleep)
          sleep = sleep ? sleep : &call;
        else if (call.effect.io != IoKind::None || call.effect.sync != SyncKind::None)
          otherIo = true;
      }
      if (!sleep || otherIo)
        continue;
      // ... and a shared flag the loop reads but does not write: someone else sets it.
      const Access *flag = nullptr;
      for (const Access &a : fn.accesses)
        if (a.loop == l && a.kind == AccessKind::Read && !flag) {
          bool writtenHere = false;
          for (const Access &w : fn.accesses)
            writtenHere |= w.loop == l && w.kind == AccessKind::Write && w.location == a.location;
          if (!writtenHere)
            flag = &a;
        }
      if (!flag)
        continue;
      Finding finding = this->finding(
          fmt::format("'{}' polls '{}' and sleeps between looks: it wakes up for nothing and reacts "
                      "late; wait on a std::condition_variable (or a future, or std::atomic::wait) "
                      "that the writer notifies",
                      fn.name, flag->display),
          pointOf(program, sleep->loc));
      finding.notes.push_back(Note{fmt::format("'{}' is read here on every iteration", flag->display),
                                   pointOf(program, flag->loc), {}});
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
