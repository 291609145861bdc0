// A full disk (engine.h): a commit that cannot be written is ResourceExhausted naming the
// index directory, stores nothing of its batch, loses nothing acknowledged before it, and
// once space is freed writes go on in the same Engine (no restart). On a real small ext4
// filesystem, filled by a file until write(2) says ENOSPC.
#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "cakap/engine.h"
#include "engine/loop_fs.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::_;
using ::testing::HasSubstr;

// Writes `path` until the filesystem is full; its size.
size_t FillDisk(const std::string& path) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return 0;
  const std::string block(64 * 1024, 'x');
  size_t total = 0;
  for (size_t chunk = block.size(); chunk >= 512;) {
    const ssize_t n = write(fd, block.data(), chunk);
    if (n > 0) {
      total += static_cast<size_t>(n);
    } else {
      chunk /= 2;  // the last blocks, in smaller pieces
    }
  }
  fsync(fd);
  close(fd);
  return total;
}

std::vector<cakap::v1::Worker> Batch(int batch, int size) {
  std::vector<cakap::v1::Worker> workers;
  for (int i = 0; i < size; ++i) {
    workers.push_back(WorkerBuilder(absl::StrCat("b", batch, "-", i))
                          .Skill("LAS")
                          .Name(absl::StrCat("Pekerja ", batch, " ", i))
                          .Training(absl::StrCat("Pelatihan pengelasan angkatan ", batch, " ", i),
                                    "BLK Banjarbaru", "pengelasan", 2024));
  }
  return workers;
}

// The scenario of both tests. With `free_blocks_inside`, batch b1 is deleted before the
// disk fills, so glass's files hold free blocks: the writes then fit in the files and
// the first thing that cannot be written is the new version file. Glass then fails to
// roll back too and closes the WritableDatabase ("Database has been closed" for every
// later write until a restart, before the engine reopened it). Without it, a table
// block is what cannot be written, and glass rolls back by itself.
void FillWriteFreeWrite(bool free_blocks_inside) {
  TempDir dir;
  LoopFs disk(dir.Sub("disk.img"), dir.Sub("mnt"));
  if (std::string why = disk.MountExt4(8); !why.empty()) GTEST_SKIP() << why;
  const std::string index = disk.mount_point() + "/index";

  absl::Mutex mu;
  std::vector<absl::StatusCode> flips;  // what on_write_health heard
  cakap::EngineOptions options = TestOptions();
  options.on_write_health = [&](const absl::Status& s) {
    absl::MutexLock lock(&mu);
    flips.push_back(s.code());
  };
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(index, options));
  int acknowledged = 0;  // batches b0 .. b<acknowledged - 1>
  for (; acknowledged < 3; ++acknowledged) {
    ASSERT_OK(engine->UpsertWorkers(Batch(acknowledged, 100)));
  }

  int deleted = 0;
  if (free_blocks_inside) {
    for (; deleted < 100; ++deleted) ASSERT_OK(engine->DeleteWorker(absl::StrCat("b1-", deleted)));
    // Blocks freed by a commit are reused from the one after the next on.
    ASSERT_OK(engine->UpsertWorker(WorkerBuilder("x1").Skill("LAS")));
    ASSERT_OK(engine->UpsertWorker(WorkerBuilder("x2").Skill("LAS")));
  }
  const int singles_before = free_blocks_inside ? 2 : 0;

  ASSERT_GT(FillDisk(disk.mount_point() + "/filler"), 0u);
  // Glass reuses free blocks inside its files, so the first writes may still fit.
  absl::Status failed;
  int singles = singles_before;
  for (int attempt = 0; attempt < 50 && failed.ok(); ++attempt) {
    if (free_blocks_inside) {
      failed = engine->UpsertWorker(WorkerBuilder(absl::StrCat("s", attempt)).Skill("LAS"));
      if (failed.ok()) ++singles;
      continue;
    }
    absl::StatusOr<cakap::BulkResult> r = engine->UpsertWorkers(Batch(acknowledged, 100));
    if (r.ok()) {
      ++acknowledged;
    } else {
      failed = r.status();
    }
  }
  ASSERT_THAT(failed, StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr(index)));
  EXPECT_THAT(failed, StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("disk full")));
  EXPECT_THAT(engine->WriteHealth(), StatusIs(absl::StatusCode::kResourceExhausted, _));
  // Still full: every write fails the same way, single ones and probes too; reads go on.
  EXPECT_THAT(engine->UpsertWorkers(Batch(acknowledged, 100)),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr(index)));
  EXPECT_THAT(engine->ProbeWrite(), StatusIs(absl::StatusCode::kResourceExhausted, _));
  EXPECT_OK(engine->GetWorker("b0-0"));
  int64_t total = 0;
  ASSERT_OK(MatchAll(*engine, VacancyBuilder().Require("LAS"), MatchOpts(), &total));
  const int64_t stored = acknowledged * 100 - deleted + singles;
  EXPECT_EQ(total, stored);

  ASSERT_EQ(unlink((disk.mount_point() + "/filler").c_str()), 0);
  // The failed batch stored nothing; the same Engine writes again.
  EXPECT_THAT(engine->GetWorker(free_blocks_inside ? absl::StrCat("s", singles - singles_before)
                                                  : absl::StrCat("b", acknowledged, "-0")),
              StatusIs(absl::StatusCode::kNotFound, _));
  ASSERT_OK(engine->UpsertWorkers(Batch(acknowledged, 100)));
  ++acknowledged;
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("after").Skill("LAS")));
  EXPECT_OK(engine->WriteHealth());
  {
    absl::MutexLock lock(&mu);
    EXPECT_THAT(flips, ::testing::ElementsAre(absl::StatusCode::kResourceExhausted,
                                              absl::StatusCode::kOk));
  }
  ASSERT_OK(MatchAll(*engine, VacancyBuilder().Require("LAS"), MatchOpts(), &total));
  EXPECT_EQ(total, stored + 101);

  // Everything acknowledged is on disk, as stored.
  engine.reset();
  ASSERT_OK_AND_ASSIGN(engine, OpenEngine(index));
  ASSERT_OK_AND_ASSIGN(cakap::EngineStats stats, engine->Stats());
  EXPECT_EQ(stats.workers, stored + 101);
  for (int b = 0; b < acknowledged; ++b) {
    for (int i = 0; i < 100; i += 33) {
      if (b == 1 && i < deleted) continue;
      ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w, engine->GetWorker(absl::StrCat("b", b, "-", i)));
      EXPECT_EQ(w.display_name(), absl::StrCat("Pekerja ", b, " ", i));
    }
  }
  for (int i = 0; i < singles - singles_before; ++i) EXPECT_OK(engine->GetWorker(absl::StrCat("s", i)));
}

TEST(DiskFullTest, TableBlockCannotBeWritten) { FillWriteFreeWrite(false); }

TEST(DiskFullTest, VersionFileCannotBeWrittenAndGlassClosesTheDatabase) {
  FillWriteFreeWrite(true);
}

}  // namespace
}  // namespace cakap_test
