// The audit log across power cuts (audit.h: "Append returns only once its line is on
// disk"), including the files it creates and rotates: a copy of a loop-mounted ext4
// image taken right after an Append returned holds that line, in the current file or a
// rotated one. See tests/engine/power_cut_test.cc for why the copy is the disk as a
// power cut leaves it.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "audit.h"
#include "engine/loop_fs.h"
#include "engine/test_util.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

// Every line of `dir`'s audit files (current and rotated), concatenated.
std::string AllAuditText(const std::string& dir) {
  std::string text;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().rfind("audit.jsonl", 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    text += bytes.str();
  }
  return text;
}

TEST(AuditPowerCutTest, AcknowledgedLinesAndRotatedFilesSurviveACopyOfTheDisk) {
  TempDir dir;
  LoopFs disk(dir.Sub("disk.img"), dir.Sub("mnt"));
  if (std::string why = disk.MountExt4(16, "commit=60"); !why.empty()) GTEST_SKIP() << why;
  const std::string log_dir = disk.mount_point() + "/log";
  ASSERT_TRUE(std::filesystem::create_directory(log_dir));
  Shell("sync");  // the directory itself is the test's setup, not under test
  constexpr int kRounds = 3;
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
      cakap::service::AuditLogOptions options;
      options.max_bytes = 300;  // about every second line rotates
      auto log = cakap::service::AuditLog::Open(log_dir + "/audit.jsonl", options);
      char result = log.ok() ? 'K' : 'E';
      for (int i = 0; log.ok() && i < 5; ++i) {
        cakap::service::AuditEntry e;
        e.time = absl::Now();
        e.key = "partner";
        e.rpc = "MatchCandidates";
        e.vacancy_id = absl::StrCat("round-", round, "-line-", i);
        if (!(*log)->Append(e).ok()) result = 'A';
      }
      if (write(fds[1], &result, 1) != 1) _exit(3);
      for (;;) pause();
    }
    close(fds[1]);
    char ack = 0;
    const bool acknowledged = read(fds[0], &ack, 1) == 1;
    close(fds[0]);
    const std::string copy = dir.Sub("cut.img");
    const bool copied = acknowledged && Shell(absl::StrCat("cp ", disk.image(), " ", copy));
    kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_EQ(ack, 'K') << "child failed (E: open, A: append)";
    ASSERT_TRUE(copied);

    LoopFs after(copy, dir.Sub("after"));
    ASSERT_EQ(after.MountImage(copy), "");
    const std::string text = AllAuditText(after.mount_point() + "/log");
    for (int r = 0; r <= round; ++r) {
      for (int i = 0; i < 5; ++i) {
        EXPECT_NE(text.find(absl::StrCat("\"round-", r, "-line-", i, "\"")), std::string::npos)
            << "line " << i << " of round " << r << " lost";
      }
    }
    after.Unmount();
    unlink(copy.c_str());
  }
}

}  // namespace
}  // namespace cakap_test
