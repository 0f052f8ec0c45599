#include "analysis/Program.h"
#include "analysis/Threads.h"

#include <gtest/gtest.h>

namespace concur {
namespace {

Function fn(const std::string &usr, std::vector<std::string> callees) {
  Function f;
  f.usr = usr;
  f.name = usr;
  f.loc = Loc{0, 1, 1, 0};
  for (const std::string &c : callees) {
    Call call;
    call.callee = c;
    call.loc = Loc{0, 2, 1, 0};
    f.calls.push_back(call);
  }
  return f;
}

Summary tu(std::string main, std::vector<Function> functions) {
  Summary s;
  s.mainFile = main;
  s.files = {main};
  s.functions = std::move(functions);
  return s;
}

TEST(Program, MergesAcrossTranslationUnitsByUsr) {
  Program p({tu("/b.cpp", {fn("b", {"c"})}), tu("/a.cpp", {fn("a", {"b"}), fn("c", {})})});
  ASSERT_EQ(p.functions().size(), 3u);
  int32_t a = p.find("a"), b = p.find("b"), c = p.find("c");
  ASSERT_GE(a, 0);
  ASSERT_EQ(p.callees(a).size(), 1u);
  EXPECT_EQ(p.callees(a)[0].callee, uint32_t(b));
  EXPECT_EQ(p.callees(b)[0].callee, uint32_t(c));
}

/// A TU whose functions are all defined in a header it includes.
Summary tuWithHeader(std::string main, std::string header, std::vector<Function> functions) {
  Summary s = tu(std::move(main), std::move(functions));
  s.files.push_back(std::move(header));
  for (Function &f : s.functions)
    f.loc.file = 1;
  return s;
}

TEST(Program, KeepsOneCopyOfAnInlineFunctionFromAHeader) {
  Program p({tuWithHeader("/a.cpp", "/inc.h", {fn("inline_f", {})}),
             tuWithHeader("/b.cpp", "/inc.h", {fn("inline_f", {})})});
  EXPECT_EQ(p.functions().size(), 1u);
}

TEST(Program, KeepsEachProgramsOwnMainAndWorker) {
  // Two executables in one database: each TU defines main and worker in its own main file.
  Function mainA = fn("main", {"worker"}), mainB = fn("main", {"worker"});
  mainA.isMain = mainB.isMain = true;
  Program p({tu("/a.cpp", {mainA, fn("worker", {})}), tu("/b.cpp", {mainB, fn("worker", {})})});
  ASSERT_EQ(p.functions().size(), 4u);
  int32_t a = p.find("main@/a.cpp"), b = p.find("main@/b.cpp");
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  EXPECT_EQ(p.functions()[p.callees(a)[0].callee].usr, "worker@/a.cpp");
  EXPECT_EQ(p.functions()[p.callees(b)[0].callee].usr, "worker@/b.cpp");
}

TEST(Program, SccsComeCalleesFirstAndGroupRecursion) {
  Program p({tu("/a.cpp", {fn("main", {"even"}), fn("even", {"odd"}), fn("odd", {"even", "leaf"}),
                           fn("leaf", {})})});
  const auto &sccs = p.bottomUpSCCs();
  auto position = [&](const std::string &usr) {
    for (size_t i = 0; i < sccs.size(); ++i)
      for (uint32_t f : sccs[i])
        if (p.functions()[f].usr == usr)
          return i;
    return size_t(-1);
  };
  EXPECT_EQ(position("even"), position("odd"));
  EXPECT_LT(position("leaf"), position("even"));
  EXPECT_LT(position("even"), position("main"));
}

TEST(Program, VirtualCallReachesEveryOverride) {
  Function base = fn("Base::run", {});
  Function derived = fn("Derived::run", {});
  derived.overrides = {"Base::run"};
  Function more = fn("MoreDerived::run", {});
  more.overrides = {"Derived::run"};
  Function caller = fn("caller", {"Base::run"});
  caller.calls[0].kind = CallKind::Virtual;
  Program p({tu("/a.cpp", {base, derived, more, caller})});
  EXPECT_EQ(p.callees(p.find("caller")).size(), 3u);
}

TEST(ThreadReachability, FindsPathFromSpawnToCallee) {
  Function main = fn("main", {});
  Spawn spawn;
  spawn.entry = "worker";
  spawn.loop = 0;
  main.spawns.push_back(spawn);
  Program p({tu("/a.cpp", {main, fn("worker", {"helper"}), fn("helper", {}), fn("unused", {})})});
  ThreadReachability threads(p);
  ASSERT_EQ(threads.entries().size(), 1u);
  EXPECT_TRUE(threads.entries()[0].concurrentWithItself);
  EXPECT_TRUE(threads.runsOnThread(p.find("helper")));
  EXPECT_FALSE(threads.runsOnThread(p.find("main")));
  EXPECT_FALSE(threads.runsOnThread(p.find("unused")));
  std::optional<ThreadPath> path = threads.pathTo(0, p.find("helper"));
  ASSERT_TRUE(path.has_value());
  ASSERT_EQ(path->steps.size(), 1u);
  EXPECT_EQ(path->steps[0].caller, uint32_t(p.find("worker")));
  EXPECT_EQ(path->steps[0].callee, uint32_t(p.find("helper")));
}

TEST(ThreadReachability, DeferredAsyncIsNotAThread) {
  Function main = fn("main", {});
  Spawn spawn;
  spawn.entry = "work";
  spawn.deferred = true;
  main.spawns.push_back(spawn);
  Program p({tu("/a.cpp", {main, fn("work", {})})});
  ThreadReachability threads(p);
  EXPECT_TRUE(threads.entries().empty());
  EXPECT_FALSE(threads.runsOnThread(p.find("work")));
}

} // namespace
} // namespace concur
