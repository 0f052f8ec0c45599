#include "Output.h"

#include "llvm/Support/JSON.h"

namespace concur {
namespace json = llvm::json;

namespace {

json::Object point(const SourcePoint &p) {
  return json::Object{{"file", p.file}, {"line", p.line}, {"column", p.column}, {"offset", p.offset}};
}

json::Array replacements(const std::vector<Replacement> &fixes) {
  json::Array out;
  for (const Replacement &r : fixes)
    out.push_back(json::Object{{"file", r.file}, {"offset", r.offset}, {"length", r.length}, {"text", r.text}});
  return out;
}

} // namespace

void writeJson(llvm::raw_ostream &os, const std::vector<Finding> &findings, const RunTotals &totals) {
  json::Array items;
  for (const Finding &f : findings) {
    json::Array notes;
    for (const Note &n : f.notes) {
      json::Object note = point(n.where);
      note["message"] = n.message;
      note["fixes"] = replacements(n.fixes);
      notes.push_back(std::move(note));
    }
    json::Object item = point(f.where);
    item["check"] = f.check;
    item["level"] = f.level == Level::Error ? "error" : "warning";
    item["message"] = f.message;
    item["notes"] = std::move(notes);
    item["fixes"] = replacements(f.fixes);
    if (!f.properties.empty()) {
      json::Object properties;
      for (const auto &[key, value] : f.properties)
        properties[key] = value;
      item["properties"] = std::move(properties);
    }
    items.push_back(std::move(item));
  }
  json::Value root = json::Object{
      {"version", 1},
      {"findings", std::move(items)},
      {"summary", json::Object{{"findings", int64_t(findings.size())},
                               {"translationUnits", int64_t(totals.translationUnits)},
                               {"fromCache", int64_t(totals.fromCache)},
                               {"suppressed", int64_t(totals.suppressedByNoLint)},
                               {"hiddenInHeaders", int64_t(totals.hiddenInHeaders)}}}};
  os << llvm::formatv("{0:2}", root) << '\n';
}

std::string docsUrl(const std::string &check) {
  return "https://github.com/concur-tools/concur/blob/main/docs/checks/" + check + ".md";
}

} // namespace concur
