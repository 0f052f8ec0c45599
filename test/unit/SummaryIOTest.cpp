#include "analysis/SummaryIO.h"

#include <gtest/gtest.h>

namespace concur {
namespace {

Summary sample() {
  Summary s;
  s.mainFile = "/p/a.cpp";
  s.files = {"/p/a.cpp", "/p/a.h"};
  Function f;
  f.usr = "c:@F@worker#";
  f.name = "worker";
  f.loc = Loc{0, 3, 6, 40};
  Call call;
  call.callee = "c:@F@recv";
  call.calleeName = "recv";
  call.effect.io = IoKind::Net;
  call.held.push_back(HeldLock{"g:c:@mu", "mu", false});
  call.args.push_back(ArgBinding{0, "g:c:@buf", true});
  f.calls.push_back(call);
  Access access;
  access.location = "g:c:@counter";
  access.kind = AccessKind::Write;
  access.loc = Loc{1, 9, 2, 100};
  access.index = "iv+1";
  f.accesses.push_back(access);
  Spawn spawn;
  spawn.entry = "c:@F@run#";
  spawn.kind = SpawnKind::Pthread;
  spawn.loop = 0;
  f.spawns.push_back(spawn);
  f.loops.push_back(Loop{Loc{0, 2, 3, 20}, -1, 1, 8, "for"});
  s.functions.push_back(f);
  s.messages.push_back(CompilerMessage{"error", "oops", Loc{0, 1, 1, 0}});
  return s;
}

TEST(SummaryIO, RoundTripKeepsEveryFact) {
  std::string text = serializeSummary(sample());
  llvm::Expected<Summary> back = parseSummary(text);
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  EXPECT_EQ(serializeSummary(*back), text);
  EXPECT_EQ(back->functions[0].calls[0].effect.io, IoKind::Net);
  EXPECT_EQ(back->functions[0].accesses[0].index, "iv+1");
  EXPECT_EQ(back->functions[0].spawns[0].kind, SpawnKind::Pthread);
  EXPECT_EQ(back->functions[0].loops[0].tripCount, 8);
}

TEST(SummaryIO, SameSummarySameBytes) {
  EXPECT_EQ(serializeSummary(sample()), serializeSummary(sample()));
}

TEST(SummaryIO, RejectsOtherVersions) {
  llvm::Expected<Summary> s = parseSummary(R"({"format":"concur-summary","version":0})");
  ASSERT_FALSE(bool(s));
  EXPECT_NE(llvm::toString(s.takeError()).find("version 0"), std::string::npos);
}

TEST(SummaryIO, RejectsTruncatedText) {
  std::string text = serializeSummary(sample());
  llvm::Expected<Summary> s = parseSummary(llvm::StringRef(text).take_front(text.size() / 2));
  EXPECT_FALSE(bool(s));
  llvm::consumeError(s.takeError());
}

TEST(SummaryIO, RejectsDanglingFileIndex) {
  Summary s = sample();
  s.functions[0].loc.file = 7;
  llvm::Expected<Summary> back = parseSummary(serializeSummary(s));
  EXPECT_FALSE(bool(back));
  llvm::consumeError(back.takeError());
}

} // namespace
} // namespace concur
