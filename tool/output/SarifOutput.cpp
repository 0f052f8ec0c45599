// SARIF by hand with llvm::json: Clang's SarifDocumentWriter needs a SourceManager for every
// location and cannot emit `fixes` or `relatedLocations`, and phase 2 has neither an AST nor
// a SourceManager. The shape follows SARIF 2.1.0 and GitHub code scanning's requirements.
#include "Output.h"

#include "llvm/Support/JSON.h"

namespace concur {
namespace json = llvm::json;

namespace {

std::string fileUri(const std::string &path) {
  std::string uri = "file://";
  for (char c : path) {
    bool plain = std::isalnum(static_cast<unsigned char>(c)) || std::strchr("/-._~", c);
    if (plain)
      uri += c;
    else
      uri += llvm::formatv("%{0:X-2}", unsigned(static_cast<unsigned char>(c))).str();
  }
  return uri;
}

json::Object physicalLocation(const SourcePoint &p) {
  return json::Object{{"artifactLocation", json::Object{{"uri", fileUri(p.file)}}},
                      {"region", json::Object{{"startLine", std::max(1u, p.line)},
                                              {"startColumn", std::max(1u, p.column)}}}};
}

json::Object location(const SourcePoint &p, const std::string &message, int64_t id = -1) {
  json::Object loc{{"physicalLocation", physicalLocation(p)}};
  if (!message.empty())
    loc["message"] = json::Object{{"text", message}};
  if (id >= 0)
    loc["id"] = id;
  return loc;
}

json::Array sarifFixes(const std::vector<Replacement> &fixes, const std::string &description) {
  if (fixes.empty())
    return {};
  std::map<std::string, json::Array> byFile;
  for (const Replacement &r : fixes)
    byFile[r.file].push_back(json::Object{
        {"deletedRegion", json::Object{{"charOffset", r.offset}, {"charLength", r.length}}},
        {"insertedContent", json::Object{{"text", r.text}}}});
  json::Array changes;
  for (auto &[file, replacements] : byFile)
    changes.push_back(json::Object{{"artifactLocation", json::Object{{"uri", fileUri(file)}}},
                                   {"replacements", std::move(replacements)}});
  return json::Array{json::Object{{"description", json::Object{{"text", description}}},
                                  {"artifactChanges", std::move(changes)}}};
}

} // namespace

void writeSarif(llvm::raw_ostream &os, const std::vector<Finding> &findings,
                const std::vector<CheckInfo> &rules, llvm::StringRef version) {
  json::Array ruleList;
  std::map<std::string, int64_t> ruleIndex;
  auto addRule = [&](const std::string &id, const std::string &summary) {
    ruleIndex[id] = int64_t(ruleList.size());
    ruleList.push_back(json::Object{{"id", id},
                                    {"name", id},
                                    {"shortDescription", json::Object{{"text", summary}}},
                                    {"fullDescription", json::Object{{"text", summary}}},
                                    {"helpUri", docsUrl(id)},
                                    {"help", json::Object{{"text", "See " + docsUrl(id)}}}});
  };
  for (const CheckInfo &rule : rules)
    addRule(rule.name, rule.summary);
  json::Array results;
  for (const Finding &f : findings) {
    if (!ruleIndex.count(f.check))
      addRule(f.check, "the compiler could not process this translation unit");
    json::Object result{{"ruleId", f.check},
                        {"ruleIndex", ruleIndex[f.check]},
                        {"level", f.level == Level::Error ? "error" : "warning"},
                        {"message", json::Object{{"text", f.message}}},
                        {"locations", json::Array{location(f.where, "")}}};
    if (!f.notes.empty()) {
      json::Array related, flow;
      int64_t id = 0;
      for (const Note &n : f.notes) {
        related.push_back(location(n.where, n.message, id++));
        flow.push_back(json::Object{{"location", location(n.where, n.message)}});
      }
      flow.push_back(json::Object{{"location", location(f.where, f.message)}});
      result["relatedLocations"] = std::move(related);
      result["codeFlows"] = json::Array{json::Object{
          {"threadFlows", json::Array{json::Object{{"locations", std::move(flow)}}}}}};
    }
    json::Array fixes = sarifFixes(f.fixes, "concur fix for " + f.check);
    if (!fixes.empty())
      result["fixes"] = std::move(fixes);
    results.push_back(std::move(result));
  }
  json::Value root = json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{json::Object{
                   {"tool", json::Object{{"driver", json::Object{{"name", "concur"},
                                                                 {"version", version},
                                                                 {"informationUri", docsUrl("")},
                                                                 {"rules", std::move(ruleList)}}}}},
                   {"results", std::move(results)}}}}};
  os << llvm::formatv("{0:2}", root) << '\n';
}

} // namespace concur
