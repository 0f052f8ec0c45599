// Phase 2: every summary merged by USR into one program, with its call graph.
#pragma once

#include "Summary.h"

#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace concur {

/// A resolved call edge: caller's call `call` may run function `callee`.
struct Edge {
  uint32_t callee;
  uint32_t call; // index into the caller's Function::calls
};

class Program {
public:
  /// Merges summaries; a function defined in several TUs (inline, templates) is kept once,
  /// from the first summary in `mainFile` order, so the result does not depend on input order.
  explicit Program(std::vector<Summary> summaries);

  const std::vector<std::string> &files() const { return fileTable; }
  const std::vector<Function> &functions() const { return functionList; }
  const std::vector<CompilerMessage> &messages() const { return compilerMessages; }
  const std::vector<std::string> &messageFiles() const { return messageFileTable; }

  /// The function with this USR, or -1 when no summary defines it.
  int32_t find(llvm::StringRef usr) const;
  const std::vector<Edge> &callees(uint32_t function) const { return calleeEdges[function]; }
  const std::vector<uint32_t> &callers(uint32_t function) const { return callerList[function]; }

  /// Strongly connected components of the call graph, callees before callers.
  const std::vector<std::vector<uint32_t>> &bottomUpSCCs() const { return sccs; }

  const std::string &fileOf(const Loc &loc) const { return fileTable[loc.file]; }

  /// The edits that make a global std::atomic<T>, when every TU's uses allow it; else null.
  const std::vector<Edit> *atomicEdits(llvm::StringRef usr) const;

private:
  void link();
  void computeSCCs();

  std::vector<std::string> fileTable;
  std::vector<Function> functionList;
  std::vector<CompilerMessage> compilerMessages;
  std::vector<std::string> messageFileTable; // per message: its file (the TU's main file if none)
  llvm::StringMap<uint32_t> byUsr;
  llvm::StringMap<std::vector<Edit>> atomicFixes; // usr -> edits, only for globals safe to change
  std::vector<std::vector<Edge>> calleeEdges;
  std::vector<std::vector<uint32_t>> callerList;
  std::vector<std::vector<uint32_t>> sccs;
};

/// Whether local `l:<usr>` (maybe with `.field`, `[]`, `*` after it) is declared in the body of
/// the function with USR `function`: a local's USR is `c:<file>@<offset>` then the function's
/// USR without its own `c:` and file prefix, then `@<name>`.
bool localDeclaredIn(llvm::StringRef location, llvm::StringRef function);

} // namespace concur
