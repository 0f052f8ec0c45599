// The interface every check implements, in clang-tidy's shape: read options once in the
// constructor, store them back in storeOptions (so --dump-config round-trips), report in run.
#pragma once

#include "Finding.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace concur {

class Classifier;
class Program;
class RaceDetector;
class ThreadReachability;

using OptionMap = std::map<std::string, std::string>;

/// What a check may read: whole-program results, never the AST. Analyses that not every
/// check needs are computed on first use, once.
class AnalysisContext {
public:
  AnalysisContext(const Program &program, const ThreadReachability &threads);
  ~AnalysisContext();
  const Program &program;
  const ThreadReachability &threads;
  const Classifier &classifier() const;
  const RaceDetector &races() const;

private:
  mutable std::unique_ptr<Classifier> classification;
  mutable std::unique_ptr<RaceDetector> raceDetector;
};

/// Reads and writes one check's options under its `<check-name>.` prefix.
class CheckOptions {
public:
  CheckOptions(std::string checkName, const OptionMap &all) : prefix(std::move(checkName) + "."), all(all) {}
  std::string get(const std::string &name, const std::string &fallback) const;
  int64_t get(const std::string &name, int64_t fallback) const;
  void store(OptionMap &out, const std::string &name, const std::string &value) const {
    out[prefix + name] = value;
  }

private:
  std::string prefix;
  const OptionMap &all;
};

class Check {
public:
  explicit Check(std::string name) : checkName(std::move(name)) {}
  virtual ~Check() = default;
  const std::string &name() const { return checkName; }
  virtual void run(const AnalysisContext &context, std::vector<Finding> &out) = 0;
  virtual void storeOptions(OptionMap &) const {}

protected:
  Finding finding(std::string message, SourcePoint where) const {
    Finding f;
    f.check = checkName;
    f.message = std::move(message);
    f.where = std::move(where);
    return f;
  }

private:
  std::string checkName;
};

struct CheckInfo {
  std::string name;
  std::string summary; // one line, for --list-checks
  std::unique_ptr<Check> (*create)(const std::string &name, const OptionMap &options);
};

/// Every check concur has, sorted by name.
const std::vector<CheckInfo> &allChecks();

} // namespace concur
