#include "Output.h"

#include "../../rewrites/AtomicWrite.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/YAMLTraits.h"

namespace concur {

llvm::Error writeFixesYaml(const std::string &path, const std::vector<Finding> &findings, bool withNotes) {
  clang::tooling::TranslationUnitDiagnostics tu;
  tu.MainSourceFile = "";
  for (const Finding &f : findings) {
    clang::tooling::DiagnosticMessage message;
    message.Message = f.message;
    message.FilePath = f.where.file;
    message.FileOffset = f.where.offset;
    std::vector<Replacement> fixes = f.fixes;
    if (withNotes)
      for (const Note &n : f.notes)
        fixes.insert(fixes.end(), n.fixes.begin(), n.fixes.end());
    for (const Replacement &r : fixes) {
      clang::tooling::Replacement replacement(r.file, r.offset, r.length, r.text);
      llvm::consumeError(message.Fix[r.file].add(replacement));
    }
    clang::tooling::Diagnostic diagnostic(f.check, message, {},
                                          f.level == Level::Error ? clang::tooling::Diagnostic::Error
                                                                  : clang::tooling::Diagnostic::Warning,
                                          "");
    tu.Diagnostics.push_back(std::move(diagnostic));
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::yaml::Output yaml(os);
  yaml << tu;
  return writeFileAtomically(path, text);
}

} // namespace concur
