#include "Program.h"

#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <cctype>
#include <functional>

namespace concur {
namespace {

void remap(Loc &loc, const std::vector<uint32_t> &to) {
  if (loc.valid() && loc.file < to.size())
    loc.file = to[loc.file];
}

void remapFunction(Function &f, const std::vector<uint32_t> &to) {
  remap(f.loc, to);
  remap(f.body.begin, to);
  for (Loop &l : f.loops)
    remap(l.loc, to);
  for (Call &c : f.calls)
    remap(c.loc, to);
  for (Access &a : f.accesses)
    remap(a.loc, to);
  for (Spawn &s : f.spawns) {
    remap(s.loc, to);
    remap(s.range.begin, to);
  }
  for (Join &j : f.joins)
    remap(j.loc, to);
  for (Rewrite &r : f.rewrites) {
    remap(r.poolAt, to);
    for (Edit &e : r.edits)
      remap(e.range.begin, to);
    for (Edit &e : r.fanoutEdits)
      remap(e.range.begin, to);
  }
}

} // namespace

Program::Program(std::vector<Summary> summaries) {
  std::stable_sort(summaries.begin(), summaries.end(),
                   [](const Summary &a, const Summary &b) { return a.mainFile < b.mainFile; });
  // Several executables in one database: a function defined in the main files of several TUs
  // (each program's `main`, `worker`, …) is one function per TU, not one for the program, or
  // the merge would keep only the first. Inline and template code from headers stays shared.
  llvm::StringMap<unsigned> mainFileDefinitions;
  for (const Summary &summary : summaries)
    for (const Function &f : summary.functions)
      if (f.loc.file < summary.files.size() && summary.files[f.loc.file] == summary.mainFile)
        ++mainFileDefinitions[f.usr];
  for (Summary &summary : summaries) {
    llvm::StringMap<std::string> renamed;
    for (Function &f : summary.functions)
      if (f.loc.file < summary.files.size() && summary.files[f.loc.file] == summary.mainFile &&
          mainFileDefinitions.lookup(f.usr) > 1)
        f.usr = renamed[f.usr] = f.usr + "@" + summary.mainFile;
    if (renamed.empty())
      continue;
    auto rename = [&](std::string &usr) {
      if (auto it = renamed.find(usr); it != renamed.end())
        usr = it->second;
    };
    for (Function &f : summary.functions) {
      for (Call &c : f.calls)
        rename(c.callee);
      for (Spawn &sp : f.spawns)
        rename(sp.entry);
    }
  }
  llvm::StringMap<uint32_t> fileIds;
  llvm::StringMap<bool> atomicSimple;
  for (Summary &summary : summaries) {
    std::vector<uint32_t> to;
    for (const std::string &file : summary.files) {
      auto [it, inserted] = fileIds.try_emplace(file, uint32_t(fileTable.size()));
      if (inserted)
        fileTable.push_back(file);
      to.push_back(it->second);
    }
    for (Function &f : summary.functions) {
      if (f.usr.empty() || byUsr.count(f.usr))
        continue;
      remapFunction(f, to);
      byUsr[f.usr] = uint32_t(functionList.size());
      functionList.push_back(std::move(f));
    }
    for (AtomicCandidate &c : summary.atomicCandidates) {
      bool &simple = atomicSimple.try_emplace(c.usr, true).first->second;
      simple = simple && c.simple;
      if (!c.edits.empty() && !atomicFixes.count(c.usr)) {
        for (Edit &e : c.edits)
          remap(e.range.begin, to);
        atomicFixes[c.usr] = std::move(c.edits);
      }
    }
    for (CompilerMessage &m : summary.messages) {
      bool located = m.loc.valid() && m.loc.file < to.size();
      messageFileTable.push_back(located ? summary.files[m.loc.file] : summary.mainFile);
      remap(m.loc, to);
      compilerMessages.push_back(std::move(m));
    }
  }
  for (const auto &entry : atomicSimple)
    if (!entry.getValue())
      atomicFixes.erase(entry.getKey());
  link();
  computeSCCs();
}

const std::vector<Edit> *Program::atomicEdits(llvm::StringRef usr) const {
  auto it = atomicFixes.find(usr);
  return it == atomicFixes.end() ? nullptr : &it->second;
}

int32_t Program::find(llvm::StringRef usr) const {
  auto it = byUsr.find(usr);
  return it == byUsr.end() ? -1 : int32_t(it->second);
}

void Program::link() {
  // Overrides: a virtual call may run the method it names or any override of it.
  llvm::StringMap<std::vector<uint32_t>> overriders;
  for (uint32_t i = 0; i < functionList.size(); ++i)
    for (const std::string &base : functionList[i].overrides)
      overriders[base].push_back(i);
  std::function<void(const std::string &, std::vector<uint32_t> &, llvm::StringSet<> &)> collect =
      [&](const std::string &usr, std::vector<uint32_t> &out, llvm::StringSet<> &seen) {
        if (!seen.insert(usr).second)
          return;
        auto it = overriders.find(usr);
        if (it == overriders.end())
          return;
        for (uint32_t o : it->second) {
          out.push_back(o);
          collect(functionList[o].usr, out, seen);
        }
      };
  calleeEdges.assign(functionList.size(), {});
  callerList.assign(functionList.size(), {});
  for (uint32_t i = 0; i < functionList.size(); ++i) {
    const Function &f = functionList[i];
    for (uint32_t c = 0; c < f.calls.size(); ++c) {
      const Call &call = f.calls[c];
      if (call.callee.empty())
        continue;
      std::vector<uint32_t> targets;
      if (int32_t direct = find(call.callee); direct >= 0)
        targets.push_back(uint32_t(direct));
      if (call.kind == CallKind::Virtual) {
        llvm::StringSet<> seen;
        collect(call.callee, targets, seen);
      }
      std::sort(targets.begin(), targets.end());
      targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
      for (uint32_t t : targets) {
        calleeEdges[i].push_back(Edge{t, c});
        callerList[t].push_back(i);
      }
    }
  }
  for (auto &list : callerList) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

void Program::computeSCCs() {
  // Tarjan's algorithm, iterative so deep call chains cannot overflow the stack.
  const uint32_t n = uint32_t(functionList.size());
  std::vector<int32_t> index(n, -1), low(n, 0);
  std::vector<bool> onStack(n, false);
  std::vector<uint32_t> stack;
  int32_t counter = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (index[root] >= 0)
      continue;
    std::vector<std::pair<uint32_t, size_t>> work{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    onStack[root] = true;
    while (!work.empty()) {
      auto &[v, next] = work.back();
      if (next < calleeEdges[v].size()) {
        uint32_t w = calleeEdges[v][next++].callee;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          onStack[w] = true;
          work.push_back({w, 0});
        } else if (onStack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<uint32_t> component;
        uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          onStack[w] = false;
          component.push_back(w);
        } while (w != v);
        std::sort(component.begin(), component.end());
        sccs.push_back(std::move(component));
      }
      uint32_t finished = v;
      work.pop_back();
      if (!work.empty())
        low[work.back().first] = std::min(low[work.back().first], low[finished]);
    }
  }
}

bool localDeclaredIn(llvm::StringRef location, llvm::StringRef function) {
  llvm::StringRef local = location.drop_front(2);
  size_t nameAt = local.rfind('@');
  if (nameAt == llvm::StringRef::npos)
    return false;
  llvm::StringRef scope = local.take_front(nameAt);
  function.consume_front("c:");
  if (!function.starts_with("@")) { // file-local: `<file>@F@…`, or `<file>@<offset>@…` for a lambda
    function = function.drop_until([](char c) { return c == '@'; });
    llvm::StringRef afterAt = function.drop_front(1);
    llvm::StringRef digits = afterAt.take_while([](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!digits.empty() && afterAt.drop_front(digits.size()).starts_with("@"))
      function = afterAt.drop_front(digits.size());
  }
  return !function.empty() && scope.ends_with(function);
}

} // namespace concur
