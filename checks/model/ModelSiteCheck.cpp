#include "ModelSiteCheck.h"

#include "../Evidence.h"

#include "fmt/format.h"

namespace concur {

ModelSiteCheck::ModelSiteCheck(const std::string &name, const OptionMap &options, SiteKind kind)
    : Check(name), kind(kind) {
  siteOptions.coroutineFanout = CheckOptions(name, options).get("CoroutineFanout", int64_t(256));
}

void ModelSiteCheck::storeOptions(OptionMap &out) const {
  CheckOptions(name(), {}).store(out, "CoroutineFanout", std::to_string(siteOptions.coroutineFanout));
}

void ModelSiteCheck::run(const AnalysisContext &context, std::vector<Finding> &out) {
  const Program &program = context.program;
  const auto &functions = program.functions();
  for (const ConcurrencySite &site : findConcurrencySites(context, siteOptions)) {
    if (site.kind != kind)
      continue;
    const Function &fn = functions[site.function];
    const Classification &work = context.classifier().of(uint32_t(site.work));
    std::string workName = functions[site.work].name;
    std::string what;
    Loc at;
    if (site.spawn >= 0) {
      const Spawn &spawn = fn.spawns[site.spawn];
      at = spawn.loc;
      std::string started = spawn.kind == SpawnKind::Async ? "std::async tasks" : "threads";
      what = site.fanoutCount >= 0 ? fmt::format("{} {}", site.fanout, started)
                                   : fmt::format("{} ({})", started, site.fanout);
    } else {
      at = fn.loops[site.loop].loc;
      what = site.fanoutCount >= 0
                 ? fmt::format("a loop of {} iterations makes independent blocking calls, one after another:",
                               site.fanout)
                 : std::string("a loop over its items makes independent blocking calls, one after another:");
    }
    std::string firstReason = work.evidence.empty() ? "" : " (" + describeFirst(program, work) + ")";
    Finding finding = this->finding(
        fmt::format("{} {} {} '{}'{}; use {}: {} [{}]", what, site.spawn >= 0 ? "run" : "it calls",
                    work.label == Workload::Trivial ? "short" : std::string(workloadName(work.label)) + "-bound",
                    workName, firstReason, modelName(site.model), site.why, modelDocs(site.model)),
        pointOf(program, at));
    finding.notes = site.evidence;
    finding.properties = {{"site", siteName(site.kind)},
                          {"model", modelName(site.model)},
                          {"work", workName},
                          {"workload", workloadName(work.label)},
                          {"fanout", site.fanout},
                          {"docs", modelDocs(site.model)}};
    if (site.mtUnsafe)
      finding.properties["mtUnsafe"] = site.mtUnsafe->calleeName;
    out.push_back(std::move(finding));
  }
}

} // namespace concur
