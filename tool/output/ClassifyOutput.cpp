#include "ClassifyOutput.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace concur {
namespace {

std::vector<uint32_t> listedFunctions(const Program &program) {
  std::vector<uint32_t> order;
  for (uint32_t f = 0; f < program.functions().size(); ++f)
    if (!program.functions()[f].isLambda)
      order.push_back(f);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Loc &x = program.functions()[a].loc, &y = program.functions()[b].loc;
    return std::tie(program.fileOf(x), x.line, x.col) < std::tie(program.fileOf(y), y.line, y.col);
  });
  return order;
}

std::string where(const Program &program, const Loc &loc) {
  return llvm::formatv("{0}:{1}", llvm::sys::path::filename(program.fileOf(loc)), loc.line).str();
}

} // namespace

std::string describeEvidence(const Program &program, const Classification &c) {
  std::string text;
  for (size_t i = 0; i < c.evidence.size(); ++i) {
    const EvidenceStep &step = c.evidence[i];
    text += (i == 0 ? "" : ", which ") + step.message;
    if (step.loc.valid())
      text += " (" + where(program, step.loc) + ")";
  }
  return text;
}

void writeClassificationText(llvm::raw_ostream &os, const Program &program, const Classifier &classifier) {
  for (uint32_t f : listedFunctions(program)) {
    const Function &fn = program.functions()[f];
    const Classification &c = classifier.of(f);
    std::string label = workloadName(c.label);
    if (!c.subkinds.empty()) {
      label += " (";
      for (size_t i = 0; i < c.subkinds.size(); ++i)
        label += std::string(i ? ", " : "") + ioKindName(c.subkinds[i]);
      label += ")";
    }
    os << llvm::formatv("{0}:{1}:{2}: {3}: {4} [confidence {5:F2}]\n", program.fileOf(fn.loc), fn.loc.line,
                        fn.loc.col, fn.name, label, c.confidence);
    if (!c.evidence.empty())
      os << "    " << workloadName(c.label) << ": " << describeEvidence(program, c) << '\n';
  }
}

void writeClassificationJson(llvm::raw_ostream &os, const Program &program, const Classifier &classifier) {
  llvm::json::Array functions;
  for (uint32_t f : listedFunctions(program)) {
    const Function &fn = program.functions()[f];
    const Classification &c = classifier.of(f);
    llvm::json::Array subkinds, evidence;
    for (IoKind k : c.subkinds)
      subkinds.push_back(ioKindName(k));
    for (const EvidenceStep &step : c.evidence)
      evidence.push_back(llvm::json::Object{{"message", step.message},
                                            {"file", step.loc.valid() ? program.fileOf(step.loc) : ""},
                                            {"line", step.loc.line},
                                            {"column", step.loc.col}});
    functions.push_back(llvm::json::Object{{"name", fn.name},
                                           {"usr", fn.usr},
                                           {"file", program.fileOf(fn.loc)},
                                           {"line", fn.loc.line},
                                           {"column", fn.loc.col},
                                           {"label", workloadName(c.label)},
                                           {"subkinds", std::move(subkinds)},
                                           {"confidence", std::round(c.confidence * 100) / 100},
                                           {"summary", describeEvidence(program, c)},
                                           {"evidence", std::move(evidence)}});
  }
  os << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{{"version", 1}, {"functions", std::move(functions)}}))
     << '\n';
}

} // namespace concur
