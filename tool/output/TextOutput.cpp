#include "Output.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"

namespace concur {
namespace {

/// Reads each file once; hostile contents are printed as text, never interpreted.
class SourceLines {
public:
  llvm::StringRef line(const std::string &file, unsigned number) {
    auto [it, inserted] = files.try_emplace(file);
    if (inserted)
      if (auto buffer = llvm::MemoryBuffer::getFile(file))
        it->second = std::move(*buffer);
    if (!it->second || number == 0)
      return {};
    llvm::StringRef text = it->second->getBuffer();
    for (unsigned i = 1; i < number; ++i) {
      size_t newline = text.find('\n');
      if (newline == llvm::StringRef::npos)
        return {};
      text = text.drop_front(newline + 1);
    }
    return text.take_until([](char c) { return c == '\n' || c == '\r'; });
  }

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> files;
};

void writeOne(llvm::raw_ostream &os, SourceLines &sources, const SourcePoint &where, llvm::StringRef level,
              llvm::raw_ostream::Colors levelColor, const std::string &message, const std::string &check,
              bool color) {
  if (color)
    os.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  if (!where.file.empty())
    os << where.file << ':' << where.line << ':' << where.column << ": ";
  if (color)
    os.changeColor(levelColor, true);
  os << level << ": ";
  if (color)
    os.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  os << message;
  if (!check.empty())
    os << " [" << check << ']';
  if (color)
    os.resetColor();
  os << '\n';
  llvm::StringRef line = sources.line(where.file, where.line);
  if (line.empty())
    return;
  std::string caret;
  for (unsigned i = 0; i + 1 < where.column && i < line.size(); ++i)
    caret += line[i] == '\t' ? '\t' : ' ';
  for (char c : line)
    os << (static_cast<unsigned char>(c) < 0x20 && c != '\t' ? ' ' : c);
  os << '\n';
  if (color)
    os.changeColor(llvm::raw_ostream::GREEN, true);
  os << caret << "^\n";
  if (color)
    os.resetColor();
}

} // namespace

void writeText(llvm::raw_ostream &os, const std::vector<Finding> &findings, bool color) {
  SourceLines sources;
  for (const Finding &f : findings) {
    bool error = f.level == Level::Error;
    writeOne(os, sources, f.where, error ? "error" : "warning",
             error ? llvm::raw_ostream::RED : llvm::raw_ostream::MAGENTA, f.message,
             f.check + (error && f.check.rfind("clang-diagnostic", 0) != 0 ? ",-warnings-as-errors" : ""),
             color);
    for (const Note &n : f.notes)
      writeOne(os, sources, n.where, "note", llvm::raw_ostream::BLACK, n.message, "", color);
  }
}

void writeTextTotals(llvm::raw_ostream &os, const std::vector<Finding> &findings, const RunTotals &totals) {
  size_t errors = 0;
  for (const Finding &f : findings)
    errors += f.level == Level::Error;
  os << findings.size() << (findings.size() == 1 ? " finding" : " findings");
  if (errors)
    os << " (" << errors << (errors == 1 ? " error" : " errors") << ")";
  os << " in " << totals.translationUnits << " translation units";
  if (totals.fromCache)
    os << " (" << totals.fromCache << " from cache)";
  os << ".\n";
  if (totals.suppressedByNoLint)
    os << "Suppressed " << totals.suppressedByNoLint << " findings (" << totals.suppressedByNoLint
       << " NOLINT).\n";
  if (totals.hiddenInHeaders)
    os << totals.hiddenInHeaders
       << " findings in headers were hidden; use --header-filter to show them.\n";
}

} // namespace concur
