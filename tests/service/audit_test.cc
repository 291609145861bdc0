// The audit log on its own: whole lines from many threads, one fdatasync shared by
// overlapping appends, and rotation that loses no line.
#include "audit.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace {

using cakap::service::AuditEntry;
using cakap::service::AuditLog;
using cakap::service::AuditLogOptions;

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           absl::StrCat("audit_test_", ::testing::UnitTest::GetInstance()->random_seed(), "_",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "audit.jsonl").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static AuditEntry Entry(int thread, int i) {
    AuditEntry e;
    e.key = absl::StrCat("t", thread);
    e.rpc = "MatchCandidates";
    e.vacancy_id = absl::StrCat("v-", thread, "-", i);
    e.worker_ids = {"w-1", "w-2"};
    return e;
  }

  // Every line of every file in the directory, and the number of files.
  std::vector<std::string> AllLines(int* files) const {
    std::vector<std::string> lines;
    *files = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir_)) {
      ++*files;
      std::ifstream in(f.path());
      for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    return lines;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(AuditLogTest, ConcurrentAppendsAreWholeLinesAndSynced) {
  absl::StatusOr<std::unique_ptr<AuditLog>> log = AuditLog::Open(path_, {});
  ASSERT_TRUE(log.ok()) << log.status();
  constexpr int kThreads = 4, kPerThread = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) ASSERT_TRUE((*log)->Append(Entry(t, i)).ok());
    });
  }
  for (auto& t : threads) t.join();
  const AuditLog::Counters c = (*log)->counters();
  EXPECT_EQ(c.lines, uint64_t{kThreads * kPerThread});
  // Every append waited for a sync covering its line; overlapping ones may share it.
  EXPECT_GE(c.syncs, 1u);
  EXPECT_LE(c.syncs, c.lines);
  EXPECT_EQ(c.rotations, 0u);

  int files = 0;
  std::vector<std::string> lines = AllLines(&files);
  EXPECT_EQ(files, 1);
  ASSERT_EQ(lines.size(), size_t{kThreads * kPerThread});
  std::set<std::string> vacancies;
  for (const std::string& line : lines) {
    ASSERT_EQ(line.front(), '{') << line;
    ASSERT_EQ(line.back(), '}') << line;
    const size_t at = line.find("\"vacancy_id\":\"");
    ASSERT_NE(at, std::string::npos) << line;
    vacancies.insert(line.substr(at, line.find('"', at + 14) - at));
  }
  EXPECT_EQ(vacancies.size(), lines.size());  // no line lost or doubled
  struct stat st;
  ASSERT_EQ(stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(AuditLogTest, RotatesBySizeWithoutLosingALine) {
  AuditLogOptions options;
  options.max_bytes = 1000;  // a few lines per file
  constexpr int kThreads = 3, kPerThread = 40;
  {
    absl::StatusOr<std::unique_ptr<AuditLog>> log = AuditLog::Open(path_, options);
    ASSERT_TRUE(log.ok()) << log.status();
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) ASSERT_TRUE((*log)->Append(Entry(t, i)).ok());
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_GT((*log)->counters().rotations, 5u);
  }
  int files = 0;
  std::vector<std::string> lines = AllLines(&files);
  EXPECT_GT(files, 6);
  EXPECT_EQ(lines.size(), size_t{kThreads * kPerThread});
  for (const auto& f : std::filesystem::directory_iterator(dir_)) {
    const std::string name = f.path().filename().string();
    EXPECT_TRUE(name == "audit.jsonl" || absl::StartsWith(name, "audit.jsonl.2")) << name;
    if (name != "audit.jsonl") {
      // Rotated once full; a line or two over the threshold at most (appends overlap).
      EXPECT_GE(f.file_size(), options.max_bytes) << name;
      EXPECT_LT(f.file_size(), options.max_bytes + 4 * 200) << name;
    }
  }

  // Reopening appends to the current file, whose size counts toward the next rotation.
  absl::StatusOr<std::unique_ptr<AuditLog>> again = AuditLog::Open(path_, options);
  ASSERT_TRUE(again.ok());
  for (int i = 0; i < 10; ++i) ASSERT_TRUE((*again)->Append(Entry(9, i)).ok());
  EXPECT_GE((*again)->counters().rotations, 1u);
  lines = AllLines(&files);
  EXPECT_EQ(lines.size(), size_t{kThreads * kPerThread + 10});
}

TEST_F(AuditLogTest, UnwritablePathFailsAtOpen) {
  absl::StatusOr<std::unique_ptr<AuditLog>> log =
      AuditLog::Open((dir_ / "missing" / "audit.jsonl").string(), {});
  EXPECT_EQ(log.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(log.status().message(), "missing/audit.jsonl"))
      << log.status();
}

}  // namespace
