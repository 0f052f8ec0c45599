#include "analysis/Models.h"

#include <gtest/gtest.h>

namespace concur {
namespace {

TEST(ModelNamePattern, StarStaysInsideOneComponent) {
  EXPECT_TRUE(matchNamePattern("std::filesystem::*", "std::filesystem::copy_file"));
  EXPECT_FALSE(matchNamePattern("std::*", "std::filesystem::copy_file"));
  EXPECT_TRUE(matchNamePattern("std::basic_*fstream::open", "std::basic_ifstream::open"));
  EXPECT_TRUE(matchNamePattern("sqlite3_*", "sqlite3_step"));
  EXPECT_FALSE(matchNamePattern("sqlite3_*", "my::sqlite3_step"));
}

TEST(ModelDatabase, ExactNameWinsOverPattern) {
  ModelDatabase db;
  ASSERT_FALSE(bool(db.addYAML("functions:\n  - names: ['net::*']\n    io: net\n"
                               "  - names: [net::log]\n    io: terminal\n",
                               "test")));
  ASSERT_NE(db.lookup("net::log"), nullptr);
  EXPECT_EQ(db.lookup("net::log")->effect.io, IoKind::Terminal);
  EXPECT_EQ(db.lookup("net::recv_all")->effect.io, IoKind::Net);
  EXPECT_EQ(db.lookup("other"), nullptr);
}

TEST(ModelDatabase, LaterEntryOverridesEarlier) {
  ModelDatabase db;
  ASSERT_FALSE(bool(db.addYAML("functions:\n  - names: [f]\n    io: file\n", "a")));
  ASSERT_FALSE(bool(db.addYAML("functions:\n  - names: [f]\n    cpu: heavy\n", "b")));
  EXPECT_EQ(db.lookup("f")->effect.io, IoKind::None);
  EXPECT_EQ(db.lookup("f")->effect.cpu, CpuKind::Heavy);
}

TEST(ModelDatabase, UnknownVocabularyIsAnErrorNamingTheEntry) {
  ModelDatabase db;
  llvm::Error e = db.addYAML("functions:\n  - names: [f]\n    io: disk\n", "bad.yaml");
  ASSERT_TRUE(bool(e));
  std::string message = llvm::toString(std::move(e));
  EXPECT_NE(message.find("bad.yaml"), std::string::npos);
  EXPECT_NE(message.find("'f'"), std::string::npos);
  EXPECT_NE(message.find("io: disk"), std::string::npos);
}

TEST(ModelDatabase, EntryWithoutEffectIsRejected) {
  ModelDatabase db;
  EXPECT_TRUE(bool(db.addYAML("functions:\n  - names: [f]\n", "x")));
}

TEST(ModelDatabase, UnknownKeyIsRejected) {
  ModelDatabase db;
  llvm::Error e = db.addYAML("functions:\n  - names: [f]\n    io: file\n    speed: fast\n", "x");
  ASSERT_TRUE(bool(e));
  EXPECT_NE(llvm::toString(std::move(e)).find("unknown key 'speed'"), std::string::npos);
}

TEST(ModelDatabase, ThreadEntryAndLockObjectAreParsed) {
  ModelDatabase db;
  ASSERT_FALSE(bool(db.addYAML("functions:\n"
                               "  - names: [pthread_create]\n    thread_entry: {callable: 2, args: [3]}\n"
                               "  - names: [pthread_mutex_lock]\n    lock: acquire\n    lock_object: 0\n",
                               "x")));
  const Model *create = db.lookup("pthread_create");
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->threadEntry.callable, 2);
  EXPECT_EQ(create->threadEntry.args, std::vector<int>{3});
  const Model *lock = db.lookup("pthread_mutex_lock");
  EXPECT_EQ(lock->lock, LockAction::Acquire);
  EXPECT_EQ(lock->lockObject.kind, ArgRef::Index);
  EXPECT_EQ(lock->lockObject.index, 0);
}

TEST(ModelDatabase, DigestChangesWithAnyModel) {
  ModelDatabase a, b;
  ASSERT_FALSE(bool(a.addYAML("functions:\n  - names: [f]\n    io: file\n", "x")));
  ASSERT_FALSE(bool(b.addYAML("functions:\n  - names: [f]\n    io: net\n", "x")));
  EXPECT_NE(a.digest(), b.digest());
}

TEST(ShippedModels, LoadWithoutErrors) {
  ModelDatabase db;
  llvm::Error e = db.addDirectory(CONCUR_TEST_MODELS_DIR);
  ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
  EXPECT_GT(db.size(), 50u);
  ASSERT_NE(db.lookup("strtok"), nullptr);
  EXPECT_FALSE(db.lookup("strtok")->effect.mtUnsafe.empty());
  ASSERT_NE(db.lookup("std::thread::thread"), nullptr);
  EXPECT_TRUE(db.lookup("std::thread::thread")->threadEntry.present());
}

} // namespace
} // namespace concur
