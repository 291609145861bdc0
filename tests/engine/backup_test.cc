// Online backup and restore (issue 12 item 4): backups taken while writers commit hold
// one committed revision exactly, every write acknowledged before the backup began is
// in it, and a restored index serves every record byte-equal to what was acknowledged.
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::HasSubstr;

constexpr int kThreads = 2;
constexpr int kIdsPerThread = 40;
constexpr int kInitial = 3000;  // enough bytes that a copy spans commits

std::string Id(int thread, int k) { return absl::StrCat("t", thread, "-", k); }

cakap::v1::Worker Version(const std::string& id, int v) {
  return WorkerBuilder(id).Name(absl::StrCat("Pekerja ", id, " versi ", v)).Skill("LAS");
}

// The version in a stored worker's name.
int VersionOf(const cakap::v1::Worker& w) {
  const std::vector<std::string> parts = absl::StrSplit(w.display_name(), ' ');
  int v = -1;
  if (parts.empty() || !absl::SimpleAtoi(parts.back(), &v)) return -1;
  return v;
}

// Writes acknowledged per id: version -> the stored worker as read back right after.
struct Acked {
  std::mutex mu;
  std::map<std::string, std::map<int, std::string>> bytes;
  std::map<std::string, int> latest;
  std::map<std::string, int> Latest() {
    std::lock_guard<std::mutex> lock(mu);
    return latest;
  }
};

TEST(BackupTest, BackupsUnderConcurrentWritesRestoreToOneRevisionWithEveryAckedWrite) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.Sub("index")));
  {
    std::vector<cakap::v1::Worker> bulk;
    for (int i = 0; i < kInitial; ++i) {
      bulk.push_back(WorkerBuilder(absl::StrCat("base-", i))
                         .Name(absl::StrCat("Pekerja dasar nomor ", i, " dari Kalimantan"))
                         .Skill(i % 2 ? "LAS" : "MSK"));
    }
    ASSERT_OK(engine->UpsertWorkers(bulk));
  }
  Acked acked;
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int v = 1; !stop.load(); ++v) {
        for (int k = 0; k < kIdsPerThread && !stop.load(); ++k) {
          const std::string id = Id(t, k);
          if (!engine->UpsertWorker(Version(id, v)).ok()) {
            ++failures;
            continue;
          }
          absl::StatusOr<cakap::v1::Worker> back = engine->GetWorker(id);
          if (!back.ok()) {
            ++failures;
            continue;
          }
          std::lock_guard<std::mutex> lock(acked.mu);
          acked.bytes[id][v] = back->SerializeAsString();
          acked.latest[id] = v;
        }
      }
    });
  }
  int overlapped = 0;
  for (int b = 0; b < 6; ++b) {
    SCOPED_TRACE(absl::StrCat("backup ", b));
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    const std::map<std::string, int> before = acked.Latest();
    ASSERT_OK_AND_ASSIGN(cakap::EngineStats s0, engine->Stats());
    const std::string backup = dir.Sub(absl::StrCat("backup-", b));
    ASSERT_OK_AND_ASSIGN(cakap::BackupInfo info, engine->Backup(backup));
    ASSERT_OK_AND_ASSIGN(cakap::EngineStats s1, engine->Stats());
    const std::map<std::string, int> after = acked.Latest();
    EXPECT_GE(info.revision, s0.revision);
    EXPECT_LE(info.revision, s1.revision);
    if (s1.revision > s0.revision) ++overlapped;

    const std::string restored = dir.Sub(absl::StrCat("restored-", b));
    ASSERT_OK(cakap::Engine::Restore(backup, restored));
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> copy, OpenEngine(restored));
    ASSERT_OK_AND_ASSIGN(cakap::EngineStats cs, copy->Stats());
    // One revision exactly: the one the backup names (opening relabels nothing: schema 4).
    EXPECT_EQ(cs.revision, info.revision);
    ASSERT_OK_AND_ASSIGN(cakap::CheckReport report, copy->Check());
    EXPECT_THAT(report.problems, ::testing::IsEmpty());
    // Every id acknowledged before the backup began is there; none it never saw.
    EXPECT_GE(cs.workers, kInitial + static_cast<int64_t>(before.size()));
    EXPECT_LE(cs.workers, kInitial + static_cast<int64_t>(after.size()));
    for (int i = 0; i < kInitial; i += 97) {
      ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w, copy->GetWorker(absl::StrCat("base-", i)));
      ASSERT_OK_AND_ASSIGN(cakap::v1::Worker o, engine->GetWorker(absl::StrCat("base-", i)));
      EXPECT_EQ(w.SerializeAsString(), o.SerializeAsString());
    }
    // Every worker written: a version acknowledged between `before` and `after`,
    // byte-equal to what was read back when it was acknowledged.
    for (const auto& [id, last] : after) {
      absl::StatusOr<cakap::v1::Worker> w = copy->GetWorker(id);
      auto was = before.find(id);
      if (!w.ok()) {
        EXPECT_TRUE(absl::IsNotFound(w.status()) && was == before.end())
            << id << " acknowledged before the backup is missing: " << w.status();
        continue;
      }
      const int v = VersionOf(*w);
      EXPECT_GE(v, was == before.end() ? 1 : was->second) << id;
      EXPECT_LE(v, last) << id;
      std::lock_guard<std::mutex> lock(acked.mu);
      EXPECT_EQ(w->SerializeAsString(), acked.bytes[id][v]) << id << " version " << v;
    }
  }
  stop = true;
  for (std::thread& t : writers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(overlapped, 0) << "no backup ran while writes committed: the test proves nothing";
}

TEST(BackupTest, BackupAndRestoreRefuseNonEmptyTargetsAndDamagedBackups) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.Sub("index")));
  for (int i = 0; i < 20; ++i) {
    ASSERT_OK(engine->UpsertWorker(WorkerBuilder(absl::StrCat("w-", i)).Name("Siti Rahma")));
  }
  // A non-empty target is never written to.
  std::filesystem::create_directories(dir.Sub("busy"));
  std::ofstream(dir.Sub("busy/keep")) << "mine";
  EXPECT_THAT(engine->Backup(dir.Sub("busy")),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not empty")));
  EXPECT_THAT(cakap::Engine::Restore(dir.Sub("index"), dir.Sub("busy")),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not empty")));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.Sub("busy")),
                          std::filesystem::directory_iterator()),
            1);
  // A damaged backup fails its check and is not installed.
  ASSERT_OK(engine->Backup(dir.Sub("backup")));
  const std::string docdata = dir.Sub("backup/docdata.glass");
  std::string bytes;
  {
    std::ifstream in(docdata, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // Every copy of the name (blocks of older revisions hold some too).
  int flipped = 0;
  for (size_t at = bytes.find("Siti Rahma"); at != std::string::npos;
       at = bytes.find("Siti Rahma", at + 1)) {
    bytes[at] ^= 0x20;
    ++flipped;
  }
  ASSERT_GT(flipped, 0) << "stored uncompressed, as small records are";
  std::ofstream(docdata, std::ios::binary | std::ios::trunc) << bytes;
  EXPECT_THAT(cakap::Engine::Restore(dir.Sub("backup"), dir.Sub("restored")),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("fails its checksum")));
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("restored")));
  // Not a backup at all.
  EXPECT_THAT(cakap::Engine::Restore(dir.Sub("nothing"), dir.Sub("restored")),
              StatusIs(absl::StatusCode::kNotFound, ::testing::_));
}

}  // namespace
}  // namespace cakap_test
