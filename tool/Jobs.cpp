#include "Jobs.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <set>

namespace concur {

llvm::Expected<JobList> makeJobs(const JobRequest &request) {
  JobList out;
  std::string error;
  std::unique_ptr<clang::tooling::CompilationDatabase> database;
  if (request.hasFixedFlags) {
    // Strips a compiler path, -c, -o and the input files from the flags (CMake's
    // CMAKE_CXX_CLANG_TIDY passes the whole compile command), as clang-tidy does.
    std::vector<const char *> argv{"concur", "--"};
    for (const std::string &flag : request.fixedFlags)
      argv.push_back(flag.c_str());
    int argc = int(argv.size());
    database = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv.data(), error);
    if (!database)
      return llvm::createStringError("invalid compiler flags after --: " + error);
  } else if (!request.buildPath.empty()) {
    if (!llvm::sys::fs::is_directory(request.buildPath))
      return llvm::createStringError("build path '" + request.buildPath + "' is not a directory");
    llvm::SmallString<256> json(request.buildPath);
    llvm::sys::path::append(json, "compile_commands.json");
    if (llvm::sys::fs::exists(json)) {
      // Validate first: the database's own YAML reader prints parse errors to stderr itself.
      auto text = llvm::MemoryBuffer::getFile(json);
      if (!text)
        return llvm::createStringError("cannot read '" + std::string(json) + "': " + text.getError().message());
      if (llvm::Expected<llvm::json::Value> parsed = llvm::json::parse((*text)->getBuffer()); !parsed)
        return llvm::createStringError("malformed '" + std::string(json) + "': " + llvm::toString(parsed.takeError()));
      database = clang::tooling::JSONCompilationDatabase::loadFromFile(
          json, error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    } else
      database = clang::tooling::CompilationDatabase::loadFromDirectory(request.buildPath, error);
    if (!database)
      return llvm::createStringError(
          "cannot read the compilation database in '" + request.buildPath + "': " +
          (error.empty() ? "no compile_commands.json there" : error));
    out.databaseDirectory = request.buildPath;
  } else if (!request.files.empty()) {
    database = clang::tooling::CompilationDatabase::autoDetectFromSource(request.files.front(), error);
    if (!database)
      return llvm::createStringError("no compilation database found for '" + request.files.front() +
                                     "': pass -p <build-dir>, or compiler flags after --");
  } else {
    return llvm::createStringError("nothing to analyse: pass -p <build-dir> or files with -- <flags>");
  }
  if (!request.hasFixedFlags)
    database = clang::tooling::inferMissingCompileCommands(std::move(database));

  std::vector<std::string> files = request.files;
  if (files.empty()) {
    files = database->getAllFiles();
    if (files.empty())
      return llvm::createStringError("the compilation database lists no files");
  }
  clang::tooling::ArgumentsAdjuster adjust = clang::tooling::combineAdjusters(
      clang::tooling::getInsertArgumentAdjuster(request.extraArgsBefore,
                                                clang::tooling::ArgumentInsertPosition::BEGIN),
      clang::tooling::getInsertArgumentAdjuster(request.extraArgs,
                                                clang::tooling::ArgumentInsertPosition::END));
  std::set<std::string> seen;
  for (const std::string &file : files) {
    llvm::SmallString<256> absolute(file);
    llvm::sys::fs::make_absolute(absolute);
    llvm::sys::path::remove_dots(absolute, true);
    if (!llvm::sys::fs::exists(absolute))
      return llvm::createStringError("no such file: '" + file + "'");
    std::vector<clang::tooling::CompileCommand> commands = database->getCompileCommands(absolute);
    if (commands.empty())
      return llvm::createStringError("no compile command for '" + file + "' in the compilation database");
    const clang::tooling::CompileCommand &command = commands.front();
    llvm::SmallString<256> main(command.Filename);
    llvm::sys::fs::make_absolute(command.Directory, main);
    llvm::sys::path::remove_dots(main, true);
    if (!seen.insert(std::string(main)).second)
      continue;
    CompileJob job;
    job.directory = command.Directory;
    job.file = std::string(main);
    job.arguments = adjust(command.CommandLine, command.Filename);
    out.jobs.push_back(std::move(job));
  }
  std::sort(out.jobs.begin(), out.jobs.end(),
            [](const CompileJob &a, const CompileJob &b) { return a.file < b.file; });
  return out;
}

} // namespace concur
