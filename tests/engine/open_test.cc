// Opening never creates over something else (engine.h, Engine::Open): an index is
// created only in a missing or empty directory; part of an index, or a directory of other
// files, is an error naming the path and what is wrong, and leaves every byte as it was.
// The CLI's read-only commands never create.
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

// Every file and directory under `root` (relative path -> contents; "<dir>" for one).
std::map<std::string, std::string> Snapshot(const std::string& root) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  if (!std::filesystem::exists(root, ec)) return files;
  files["."] = "<dir>";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    const std::string rel = std::filesystem::relative(entry.path(), root, ec).string();
    if (entry.is_directory(ec)) {
      files[rel] = "<dir>";
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[rel] = bytes.str();
  }
  return files;
}

cakap::EngineOptions NoCreate() {
  cakap::EngineOptions options = TestOptions();
  options.create_if_missing = false;
  return options;
}

// An index with a few workers in `path`, closed.
void MakeIndex(const std::string& path) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(path));
  for (int i = 0; i < 5; ++i) {
    ASSERT_OK(engine->UpsertWorker(WorkerBuilder(absl::StrCat("w", i)).Skill("LAS")));
  }
}

// Opening `path` with and without create_if_missing fails with `code` and a message
// naming the path and `what`, and changes nothing under it.
void ExpectRefusedUntouched(const std::string& path, absl::StatusCode code,
                            const std::string& what) {
  const std::map<std::string, std::string> before = Snapshot(path);
  EXPECT_THAT(OpenEngine(path), StatusIs(code, AllOf(HasSubstr(path), HasSubstr(what))));
  EXPECT_THAT(OpenEngine(path, NoCreate()),
              StatusIs(code, AllOf(HasSubstr(path), HasSubstr(what))));
  EXPECT_EQ(Snapshot(path), before) << "Open wrote into " << path;
}

TEST(OpenTest, IndexMissingItsPostingListIsDataLossAndLeftAlone) {
  TempDir dir;
  const std::string index = dir.Sub("index");
  MakeIndex(index);
  ASSERT_TRUE(std::filesystem::remove(index + "/postlist.glass"));
  ExpectRefusedUntouched(index, absl::StatusCode::kDataLoss, "postlist.glass is missing");
}

TEST(OpenTest, IndexMissingItsVersionFileIsDataLossAndLeftAlone) {
  TempDir dir;
  const std::string index = dir.Sub("index");
  MakeIndex(index);
  ASSERT_TRUE(std::filesystem::remove(index + "/iamglass"));
  ExpectRefusedUntouched(index, absl::StatusCode::kDataLoss, "iamglass is missing");
}

TEST(OpenTest, DirectoryOfOtherFilesIsFailedPreconditionAndLeftAlone) {
  TempDir dir;
  const std::string other = dir.Sub("photos");
  std::filesystem::create_directories(other + "/2025");
  std::ofstream(other + "/notes.txt") << "not an index\n";
  std::ofstream(other + "/2025/a.jpg") << "\xff\xd8\xff";
  ExpectRefusedUntouched(other, absl::StatusCode::kFailedPrecondition, "notes.txt");
  // An index whose files were all deleted, its audit log left: not silently a new one.
  const std::string emptied = dir.Sub("emptied");
  MakeIndex(emptied);
  for (const char* name : {"iamglass", "postlist.glass", "termlist.glass", "docdata.glass",
                           "position.glass", "flintlock"}) {
    std::filesystem::remove(absl::StrCat(emptied, "/", name));
  }
  std::ofstream(emptied + "/audit.jsonl") << "{}\n";
  ExpectRefusedUntouched(emptied, absl::StatusCode::kFailedPrecondition, "audit.jsonl");
}

TEST(OpenTest, FileIsNotADirectory) {
  TempDir dir;
  const std::string file = dir.Sub("file");
  std::ofstream(file) << "x";
  EXPECT_THAT(OpenEngine(file), StatusIs(absl::StatusCode::kFailedPrecondition,
                                         AllOf(HasSubstr(file), HasSubstr("not a directory"))));
  EXPECT_EQ(Snapshot(dir.path()).at("file"), "x");
}

TEST(OpenTest, CreatesOnlyAMissingOrEmptyDirectoryAndOnlyWhenAsked) {
  TempDir dir;
  // Without create_if_missing: NotFound, and nothing is made.
  EXPECT_THAT(OpenEngine(dir.Sub("a/b"), NoCreate()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr(dir.Sub("a/b"))));
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("a")));
  std::filesystem::create_directory(dir.Sub("empty"));
  EXPECT_THAT(OpenEngine(dir.Sub("empty"), NoCreate()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("empty directory")));
  EXPECT_TRUE(std::filesystem::is_empty(dir.Sub("empty")));
  // With it: a missing directory (parents too) and an empty one become indexes.
  for (const std::string& path : {dir.Sub("a/b"), dir.Sub("empty")}) {
    {
      ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(path));
      ASSERT_OK(engine->UpsertWorker(WorkerBuilder("w1").Skill("LAS")));
    }
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(path, NoCreate()));
    EXPECT_OK(engine->GetWorker("w1"));
  }
}

// `cakap stats` (and any command but import) on a damaged or empty directory: an error,
// and not a byte written.
TEST(OpenTest, CliReadOnlyCommandsNeverCreate) {
  const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
  if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
  const std::string cakap = std::string(bin_dir) + "/clients/cakap/cakap";
  if (!std::filesystem::exists(cakap)) GTEST_SKIP() << cakap << " not built";
  TempDir dir;
  const std::string index = dir.Sub("index");
  MakeIndex(index);
  ASSERT_TRUE(std::filesystem::remove(index + "/postlist.glass"));
  std::filesystem::create_directory(dir.Sub("empty"));
  const std::map<std::string, std::string> before = Snapshot(dir.path());
  for (const char* command : {"stats", "get worker w1", "match --require LAS"}) {
    for (const std::string& data : {index, dir.Sub("empty"), dir.Sub("missing")}) {
      const int status = std::system(
          absl::StrCat(cakap, " --data ", data, " ", command, " >/dev/null 2>&1").c_str());
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << command << " on " << data;
    }
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
}

}  // namespace
}  // namespace cakap_test
