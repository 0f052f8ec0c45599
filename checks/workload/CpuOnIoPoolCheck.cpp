#include "CpuOnIoPoolCheck.h"

#include "../../analysis/Classify.h"
#include "../Evidence.h"

#include "fmt/format.h"

namespace concur {

void CpuOnIoPoolCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  for (const Function &spawner : functions)
    for (const Spawn &spawn : spawner.spawns) {
      int32_t entry = program.find(spawn.entry);
      if (spawn.poolThreads <= cores || entry < 0)
        continue;
      const Classification &work = context.classifier().of(uint32_t(entry));
      if (work.label != Workload::Cpu)
        continue;
      Finding finding = this->finding(
          fmt::format("CPU-bound '{}' is submitted to a pool of {} threads, more than the {} cores: "
                      "a pool sized for I/O; run CPU work on a pool sized to the cores "
                      "(concur::thread_pool's default)",
                      functions[entry].name, spawn.poolThreads, cores),
          pointOf(program, spawn.loc));
      for (const EvidenceStep &step : work.evidence)
        finding.notes.push_back(
            Note{fmt::format("'{}' is CPU-bound: it {}", functions[entry].name, step.message),
                 pointOf(program, step.loc), {}});
      out.push_back(std::move(finding));
    }
}

} // namespace concur
