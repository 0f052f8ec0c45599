#include "OversubscribedThreadsCheck.h"

#include "../../analysis/Classify.h"
#include "../Evidence.h"

#include "fmt/format.h"

namespace concur {

void OversubscribedThreadsCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  for (uint32_t f = 0; f < functions.size(); ++f) {
    const Function &spawner = functions[f];
    for (const Spawn &spawn : spawner.spawns) {
      bool ownThread = spawn.kind == SpawnKind::Thread || spawn.kind == SpawnKind::Pthread ||
                       (spawn.kind == SpawnKind::Async && !spawn.deferred);
      int32_t entry = program.find(spawn.entry);
      if (!ownThread || entry < 0 || spawn.loop < 0 || isLongLived(program, uint32_t(entry)))
        continue;
      const Classification &work = context.classifier().of(uint32_t(entry));
      if (work.label != Workload::Cpu)
        continue;
      // The threads a loop nest starts: unbounded, bounded by the cores, or a constant.
      bool unbounded = false, byCores = false;
      int64_t threads = 1;
      for (int32_t l = spawn.loop; l >= 0; l = spawner.loops[l].parent) {
        const Loop &loop = spawner.loops[l];
        if (loop.boundedByCores)
          byCores = true;
        else if (loop.tripCount < 0)
          unbounded = true;
        else
          threads = std::min<int64_t>(threads * loop.tripCount, 1 << 30);
      }
      if (byCores && !unbounded)
        continue;
      std::string what;
      if (unbounded)
        what = "one thread per item of a loop with no bound";
      else if (threads > cores)
        what = fmt::format("{} threads, more than the {} cores they can run on", threads, cores);
      else
        continue;
      Finding finding = this->finding(
          fmt::format("CPU-bound '{}' is started as {}: threads beyond the cores only add switching "
                      "and memory; use concur::thread_pool::parallel_for or map, sized to the cores",
                      functions[entry].name, what),
          pointOf(program, spawn.loc));
      for (const EvidenceStep &step : work.evidence)
        finding.notes.push_back(
            Note{fmt::format("'{}' is CPU-bound: it {}", functions[entry].name, step.message),
                 pointOf(program, step.loc), {}});
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
