// The concur driver: clang-tidy's command line over a two-phase engine.
//   concur [options] [files...] [-- compiler args]      extract, merge, check, report
//   concur extract [options] <file> -o <summary> [-- compiler args]   phase 1 for one TU
//   concur analyze [options] <summaries...>             phase 2 over extracted summaries
#include "../analysis/Models.h"
#include "../analysis/SummaryIO.h"
#include "../rewrites/ApplyFixes.h"
#include "../rewrites/AtomicWrite.h"
#include "Cache.h"
#include "Jobs.h"
#include "Report.h"
#include "Schedule.h"
#include "output/ClassifyOutput.h"

#include "../analysis/Classify.h"
#include "../analysis/Program.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include <set>

using namespace llvm;
using namespace concur;

namespace {

cl::OptionCategory category("concur options");

cl::opt<std::string> buildPath("p", cl::desc("Build directory holding compile_commands.json"),
                               cl::value_desc("dir"), cl::cat(category));
cl::list<std::string> positional(cl::Positional, cl::desc("[files...]"), cl::cat(category));
cl::list<std::string> extraArgs("extra-arg", cl::desc("Argument to append to the compiler command line"),
                                cl::cat(category));
cl::list<std::string> extraArgsBefore("extra-arg-before",
                                      cl::desc("Argument to prepend to the compiler command line"),
                                      cl::cat(category));
cl::opt<std::string> checks("checks", cl::desc("Comma-separated globs of checks to enable or (-) disable; "
                                               "appended to the Checks of .concur.yaml"),
                            cl::cat(category));
cl::opt<std::string> warningsAsErrors("warnings-as-errors",
                                      cl::desc("Globs of checks whose findings are errors"), cl::cat(category));
cl::opt<std::string> headerFilter("header-filter",
                                  cl::desc("Regex of headers whose findings are shown (main files always are)"),
                                  cl::cat(category));
cl::opt<std::string> configFile("config-file", cl::desc("Read this config file instead of searching .concur.yaml"),
                                cl::value_desc("path"), cl::cat(category));
cl::opt<bool> listChecks("list-checks", cl::desc("List the enabled checks and exit"), cl::cat(category));
cl::opt<bool> dumpConfigOption("dump-config", cl::desc("Print the configuration in force and exit"),
                               cl::cat(category));
cl::opt<bool> quiet("quiet", cl::desc("No progress line and no summary line"), cl::cat(category));
cl::opt<unsigned> jobs("j", cl::desc("Translation units analysed in parallel (default: every core)"),
                       cl::init(0), cl::cat(category));
enum class Format { Text, Json, Sarif };
cl::opt<Format> format("format", cl::desc("Output format"),
                       cl::values(clEnumValN(Format::Text, "text", "clang-style diagnostics"),
                                  clEnumValN(Format::Json, "json", "JSON, see docs/json-output.md"),
                                  clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0")),
                       cl::init(Format::Text), cl::cat(category));
cl::opt<bool> fix("fix", cl::desc("Apply the findings' fixes"), cl::cat(category));
cl::opt<bool> fixNotes("fix-notes", cl::desc("Also apply fixes attached to notes (implies --fix)"),
                       cl::cat(category));
cl::opt<std::string> formatStyle("format-style",
                                 cl::desc("clang-format style for fixed code: none, file, llvm, google, ..."),
                                 cl::init("none"), cl::cat(category));
cl::opt<std::string> exportFixes("export-fixes", cl::desc("Write fixes as YAML for clang-apply-replacements"),
                                 cl::value_desc("file.yaml"), cl::cat(category));
cl::opt<bool> noCache("no-cache", cl::desc("Neither read nor write the summary cache"), cl::cat(category));
cl::opt<std::string> cacheDir("cache-dir", cl::desc("Summary cache directory (default: ~/.cache/concur)"),
                              cl::cat(category));
cl::opt<std::string> projectRoot("project-root",
                                 cl::desc("Fixes are only written below this directory (default: the "
                                          "repository holding the analysed files)"),
                                 cl::cat(category));
cl::opt<cl::boolOrDefault> useColor("use-color", cl::desc("Colour the text output (default: on a terminal)"),
                                    cl::cat(category));
cl::opt<bool> classify("classify",
                       cl::desc("Print every function's workload (io, cpu, sync, mixed, trivial, unknown) "
                                "with its evidence, instead of findings"),
                       cl::cat(category));
cl::opt<std::string> output("o", cl::desc("extract: the summary file to write"), cl::value_desc("file"),
                            cl::cat(category));

constexpr int ExitUsage = 2;

int fail(const Twine &message) {
  std::string text = message.str();
  text = text.substr(0, text.find('\n'));
  WithColor::error(errs(), "concur") << text << '\n';
  return ExitUsage;
}

int fail(Error error) { return fail(toString(std::move(error))); }

std::string versionString() { return "concur version 0.1.0 (built with LLVM " LLVM_VERSION_STRING ")"; }

/// The repository holding `dir`: the nearest ancestor with .git or .concur.yaml, else `dir`.
std::string repositoryOf(StringRef dir) {
  for (SmallString<256> d(dir); !d.empty(); d = sys::path::parent_path(d)) {
    for (const char *marker : {".git", ".concur.yaml"}) {
      SmallString<256> candidate(d);
      sys::path::append(candidate, marker);
      if (sys::fs::exists(candidate))
        return std::string(d);
    }
    if (sys::path::parent_path(d) == d)
      break;
  }
  return dir.str();
}

std::string commonDirectory(const std::set<std::string> &files) {
  std::string common;
  for (const std::string &f : files) {
    std::string dir = sys::path::parent_path(f).str();
    if (common.empty()) {
      common = dir;
      continue;
    }
    while (!common.empty() && !(StringRef(dir).starts_with(common) &&
                                (dir.size() == common.size() || dir[common.size()] == '/')))
      common = sys::path::parent_path(common).str();
  }
  return common;
}

ReportOptions reportOptionsFromFlags() {
  ReportOptions options;
  if (checks.getNumOccurrences())
    options.commandLine.checks = checks;
  if (warningsAsErrors.getNumOccurrences())
    options.commandLine.warningsAsErrors = warningsAsErrors;
  if (headerFilter.getNumOccurrences())
    options.commandLine.headerFilterRegex = headerFilter;
  return options;
}

/// Checks to run: the union of what each main file's configuration enables.
Expected<Config> globalConfig(EffectiveConfig &configs, const std::set<std::string> &files) {
  std::set<std::string> names;
  std::optional<Config> first;
  std::set<std::string> seenConfigs;
  Config merged;
  for (const std::string &file : files) {
    Expected<Config> config = configs.forFile(file);
    if (!config)
      return config.takeError();
    Expected<std::vector<std::string>> enabled = enabledChecks(config->checks.value_or(""));
    if (!enabled)
      return enabled.takeError();
    names.insert(enabled->begin(), enabled->end());
    if (!first)
      first = *config;
    if (seenConfigs.insert(config->text).second && first->text != config->text)
      merged.models.insert(merged.models.end(), config->models.begin(), config->models.end());
  }
  Config global = first ? *first : defaultConfig();
  global.models.insert(global.models.end(), merged.models.begin(), merged.models.end());
  std::string list = "-*";
  for (const std::string &n : names)
    list += "," + n;
  global.checks = list;
  return global;
}

Expected<std::unique_ptr<concur::ModelDatabase>> loadModels(const char *argv0, const Config &global) {
  auto models = std::make_unique<concur::ModelDatabase>();
  if (Error e = models->addDirectory(concur::ModelDatabase::defaultDirectory(argv0)))
    return std::move(e);
  if (!global.models.empty())
    if (Error e = models->addEntries(global.models, global.path.empty() ? "config" : global.path, global.text))
      return std::move(e);
  return models;
}

int emit(concur::Report &report, const std::set<std::string> &mainFiles) {
  bool color = useColor == cl::BOU_UNSET ? outs().is_displayed() : useColor == cl::BOU_TRUE;
  switch (format) {
  case Format::Text:
    concur::writeText(outs(), report.findings, color);
    outs().flush();
    if (!quiet)
      concur::writeTextTotals(errs(), report.findings, report.totals);
    break;
  case Format::Json:
    concur::writeJson(outs(), report.findings, report.totals);
    break;
  case Format::Sarif:
    concur::writeSarif(outs(), report.findings, concur::allChecks(), versionString());
    break;
  }
  outs().flush();
  if (!exportFixes.empty())
    if (Error e = concur::writeFixesYaml(exportFixes, report.findings, fixNotes))
      return fail(std::move(e));
  int status = 0;
  if (fix || fixNotes) {
    concur::FixPolicy policy;
    policy.projectRoot = projectRoot.empty() ? repositoryOf(commonDirectory(mainFiles)) : projectRoot.getValue();
    SmallString<256> root(policy.projectRoot);
    sys::fs::make_absolute(root);
    sys::path::remove_dots(root, true);
    policy.projectRoot = std::string(root);
    policy.formatStyle = formatStyle;
    policy.includeNotes = fixNotes;
    concur::FixOutcome outcome = concur::applyFixes(report.findings, policy);
    for (const std::string &problem : outcome.problems)
      WithColor::warning(errs(), "concur") << problem << '\n';
    if (!quiet && !outcome.changedFiles.empty())
      errs() << "concur: fixed " << outcome.changedFiles.size() << " file(s)\n";
    if (!outcome.problems.empty())
      status = 1;
  }
  for (const concur::Finding &f : report.findings)
    if (f.level == concur::Level::Error)
      status = 1;
  return status;
}

int printClassification(std::vector<concur::Summary> summaries) {
  concur::Program program(std::move(summaries));
  concur::Classifier classifier(program);
  if (format == Format::Json)
    concur::writeClassificationJson(outs(), program, classifier);
  else
    concur::writeClassificationText(outs(), program, classifier);
  outs().flush();
  for (size_t i = 0; i < program.messages().size(); ++i)
    WithColor::error(errs(), "concur") << program.messageFiles()[i] << ": " << program.messages()[i].message << '\n';
  return program.messages().empty() ? 0 : 1;
}

int runAnalyze(const char *argv0) {
  if (positional.empty())
    return fail("analyze: pass the summary files written by 'concur extract'");
  std::vector<concur::Summary> summaries;
  std::set<std::string> mainFiles;
  for (const std::string &path : positional) {
    auto buffer = MemoryBuffer::getFile(path);
    if (!buffer)
      return fail("cannot read summary '" + path + "': " + buffer.getError().message());
    Expected<concur::Summary> summary = concur::parseSummary((*buffer)->getBuffer());
    if (!summary)
      return fail("invalid summary '" + path + "': " + toString(summary.takeError()));
    mainFiles.insert(summary->mainFile);
    summaries.push_back(std::move(*summary));
  }
  if (classify)
    return printClassification(std::move(summaries));
  concur::ReportOptions options = reportOptionsFromFlags();
  options.mainFiles = mainFiles;
  if (!configFile.empty()) {
    Expected<concur::Config> config = concur::readConfigFile(configFile);
    if (!config)
      return fail(config.takeError());
    options.configFile = std::move(*config);
  }
  concur::EffectiveConfig configs(options);
  Expected<concur::Config> global = globalConfig(configs, mainFiles);
  if (!global)
    return fail(global.takeError());
  Expected<concur::Report> report = concur::makeReport(std::move(summaries), configs, options, *global);
  if (!report)
    return fail(report.takeError());
  (void)argv0;
  return emit(*report, mainFiles);
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  std::string mode;
  std::vector<const char *> args(argv, argv + argc);
  if (argc > 1 && (StringRef(argv[1]) == "extract" || StringRef(argv[1]) == "analyze")) {
    mode = argv[1];
    args.erase(args.begin() + 1);
  }
  concur::JobRequest request;
  for (size_t i = 1; i < args.size(); ++i)
    if (StringRef(args[i]) == "--") {
      request.hasFixedFlags = true;
      request.fixedFlags.assign(args.begin() + i + 1, args.end());
      args.resize(i);
      break;
    }
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter([](raw_ostream &os) { os << versionString() << '\n'; });
  std::string parseErrors;
  raw_string_ostream parseStream(parseErrors);
  if (!cl::ParseCommandLineOptions(int(args.size()), args.data(),
                                   "concur: find and fix concurrency defects in C and C++\n", &parseStream))
    return fail(StringRef(parseErrors).trim());
  if (jobs.getNumOccurrences() && jobs == 0)
    return fail("-j needs a positive number");
  if (mode == "analyze")
    return runAnalyze(argv[0]);

  concur::ReportOptions options = reportOptionsFromFlags();
  if (!configFile.empty()) {
    Expected<concur::Config> config = concur::readConfigFile(configFile);
    if (!config)
      return fail(config.takeError());
    options.configFile = std::move(*config);
  }
  concur::EffectiveConfig configs(options);

  if (listChecks || dumpConfigOption) {
    SmallString<256> here;
    sys::fs::current_path(here);
    std::string anchor = positional.empty() ? std::string(here) + "/." : positional.front();
    Expected<concur::Config> config = configs.forFile(anchor);
    if (!config)
      return fail(config.takeError());
    if (dumpConfigOption) {
      outs() << concur::dumpConfig(*config);
      return 0;
    }
    Expected<std::vector<std::string>> enabled = concur::enabledChecks(config->checks.value_or(""));
    if (!enabled)
      return fail(enabled.takeError());
    outs() << "Enabled checks:";
    for (const std::string &name : *enabled)
      outs() << "\n    " << name;
    outs() << "\n\n";
    return 0;
  }

  request.buildPath = buildPath;
  request.files.assign(positional.begin(), positional.end());
  request.extraArgs.assign(extraArgs.begin(), extraArgs.end());
  request.extraArgsBefore.assign(extraArgsBefore.begin(), extraArgsBefore.end());
  if (mode == "extract") {
    if (request.files.size() != 1 || output.empty())
      return fail("extract: usage: concur extract <file> -o <summary> [-p dir | -- flags]");
  }
  Expected<concur::JobList> jobList = concur::makeJobs(request);
  if (!jobList)
    return fail(jobList.takeError());
  std::set<std::string> mainFiles;
  for (const concur::CompileJob &job : jobList->jobs)
    mainFiles.insert(job.file);

  Expected<concur::Config> global = globalConfig(configs, mainFiles);
  if (!global)
    return fail(global.takeError());
  Expected<std::unique_ptr<concur::ModelDatabase>> models = loadModels(argv[0], *global);
  if (!models)
    return fail(models.takeError());

  if (mode == "extract") {
    concur::ExtractResult result = concur::extractTranslationUnit(jobList->jobs.front(), **models);
    if (Error e = concur::writeFileAtomically(output, concur::serializeSummary(result.summary)))
      return fail(std::move(e));
    for (const concur::CompilerMessage &m : result.summary.messages)
      WithColor::error(errs(), "concur") << result.summary.mainFile << ": " << m.message << '\n';
    return result.summary.hasErrors() ? 1 : 0;
  }

  std::unique_ptr<concur::SummaryCache> cache;
  if (!noCache)
    cache = std::make_unique<concur::SummaryCache>(
        cacheDir.empty() ? concur::SummaryCache::defaultDirectory() : cacheDir.getValue(),
        versionString() + "\n" + std::to_string(concur::SummaryFormatVersion) + "\n" + (*models)->digest());
  concur::ScheduleOptions schedule;
  schedule.jobs = jobs;
  schedule.progress = !quiet && errs().is_displayed();
  schedule.progressBase = commonDirectory(mainFiles);
  concur::ScheduleResult phase1 = concur::summarizeAll(jobList->jobs, **models, cache.get(), schedule);
  options.mainFiles = mainFiles;
  if (classify)
    return printClassification(std::move(phase1.summaries));
  Expected<concur::Report> report = concur::makeReport(std::move(phase1.summaries), configs, options, *global);
  if (!report)
    return fail(report.takeError());
  report->totals.fromCache = phase1.fromCache;
  return emit(*report, mainFiles);
}
