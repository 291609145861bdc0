// Power cuts (engine.h: "committed on return"): an acknowledged write survives losing
// everything the kernel had not yet written to the disk.
//
// The disk is an ext4 image behind a loop device. The loop device writes into the image
// file's page cache, so a copy of the image file holds exactly what the filesystem has
// sent to its disk: a copy taken right after a write is acknowledged is the disk as a
// power cut at that moment leaves it (the filesystem's own dirty pages and uncommitted
// journal are lost). The mount uses commit=60 so that ext4's periodic journal commit
// (5 s by default) cannot save a write by luck before the copy. Mounting the copy
// replays its journal, as booting after the cut would.
//
// Without the directory fsync after each commit this lost the last acknowledged write
// in every round: glass renames its version file after syncing it, and nothing
// committed the rename to the journal before the reply.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "engine/loop_fs.h"
#include "engine/test_util.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

constexpr int kRounds = 4;

// In a child process: opens (round 0: creates) the index at `index`, upserts the round's
// worker and vacancy, then sends 'K' (or an error letter) through `fd` and waits to be
// killed, holding everything open.
[[noreturn]] void WriteAndAcknowledge(const std::string& index, int round, int fd) {
  char result = 'E';
  absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(index);
  if (engine.ok()) {
    result = 'K';
    if (!(*engine)->UpsertWorker(WorkerBuilder(absl::StrCat("w-", round)).Skill("LAS")).ok()) {
      result = 'W';
    } else if (!(*engine)->UpsertVacancy(
                    VacancyBuilder(absl::StrCat("v-", round)).Require("LAS").Open()).ok()) {
      result = 'V';
    }
  }
  if (write(fd, &result, 1) != 1) _exit(3);
  for (;;) pause();
}

TEST(PowerCutTest, AcknowledgedWritesSurviveACopyOfTheDiskTakenRightAfterTheReply) {
  TempDir dir;
  LoopFs disk(dir.Sub("disk.img"), dir.Sub("mnt"));
  if (std::string why = disk.MountExt4(32, "commit=60"); !why.empty()) GTEST_SKIP() << why;
  const std::string index = disk.mount_point() + "/data/index";  // parents created too
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    fflush(stdout);
    fflush(stderr);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      WriteAndAcknowledge(index, round, fds[1]);
    }
    close(fds[1]);
    char ack = 0;
    const bool acknowledged = read(fds[0], &ack, 1) == 1;
    close(fds[0]);
    // The power cut: the disk as it is at the moment of the reply.
    const std::string copy = dir.Sub(absl::StrCat("cut-", round, ".img"));
    const bool copied = acknowledged && Shell(absl::StrCat("cp ", disk.image(), " ", copy));
    kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(acknowledged);
    ASSERT_EQ(ack, 'K') << "child failed (E: open, W: worker, V: vacancy)";
    ASSERT_TRUE(copied);

    LoopFs after(copy, dir.Sub(absl::StrCat("after-", round)));
    ASSERT_EQ(after.MountImage(copy), "");
    {
      cakap::EngineOptions options = TestOptions();
      options.create_if_missing = false;
      ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine,
                           cakap::Engine::Open(options, after.mount_point() + "/data/index"));
      for (int r = 0; r <= round; ++r) {
        EXPECT_OK(engine->GetWorker(absl::StrCat("w-", r))) << "acknowledged in round " << r;
        EXPECT_OK(engine->GetVacancy(absl::StrCat("v-", r))) << "acknowledged in round " << r;
      }
      ASSERT_OK_AND_ASSIGN(cakap::EngineStats stats, engine->Stats());
      EXPECT_EQ(stats.workers, round + 1);
    }
    after.Unmount();
    unlink(copy.c_str());
  }
}

}  // namespace
}  // namespace cakap_test
