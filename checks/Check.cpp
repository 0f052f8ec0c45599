#include "Check.h"

#include "../analysis/Classify.h"
#include "../analysis/Races.h"

#include "llvm/ADT/StringRef.h"

namespace concur {

AnalysisContext::AnalysisContext(const Program &program, const ThreadReachability &threads)
    : program(program), threads(threads) {}

AnalysisContext::~AnalysisContext() = default;

const RaceDetector &AnalysisContext::races() const {
  if (!raceDetector)
    raceDetector = std::make_unique<RaceDetector>(program, threads);
  return *raceDetector;
}

const Classifier &AnalysisContext::classifier() const {
  if (!classification)
    classification = std::make_unique<Classifier>(program);
  return *classification;
}

std::string CheckOptions::get(const std::string &name, const std::string &fallback) const {
  auto it = all.find(prefix + name);
  return it == all.end() ? fallback : it->second;
}

int64_t CheckOptions::get(const std::string &name, int64_t fallback) const {
  auto it = all.find(prefix + name);
  int64_t value;
  if (it == all.end() || llvm::StringRef(it->second).getAsInteger(10, value))
    return fallback;
  return value;
}

} // namespace concur
