// `cakap check`, `cakap backup DIR` and `cakap restore BACKUP DIR` (issue 12 item 4), run
// as the built binary ($CAKAP_BINARY_DIR, set by ctest) on a real index whose bytes are
// then flipped.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Output {
  int exit_code = -1;
  std::string out, err;
};

class CliMaintenanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
    if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
    cakap_ = absl::StrCat(bin_dir, "/clients/cakap/cakap");
  }
  Output Run(const std::string& args) {
    const std::string out = dir_.Sub("out"), err = dir_.Sub("err");
    const int status =
        std::system(absl::StrCat(cakap_, " ", args, " >", out, " 2>", err).c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), Slurp(out),
            Slurp(err)};
  }
  cakap_test::TempDir dir_;
  std::string cakap_;
};

TEST_F(CliMaintenanceTest, CheckBackupRestoreAndAFlippedByte) {
  {
    std::ofstream w(dir_.Sub("w.jsonl"));
    for (int i = 0; i < 30; ++i) {
      w << "{\"id\":\"w-" << i << "\",\"displayName\":\"Pekerja" << i
        << "\",\"domicile\":{\"regionCode\":\"63.11\"},\"skills\":[\"juru las\"]}\n";
    }
  }
  const std::string data = "--data " + dir_.Sub("index");
  ASSERT_EQ(Run(data + " import workers " + dir_.Sub("w.jsonl")).exit_code, 0);
  Output check = Run(data + " check");
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.out, "");

  Output backup = Run(data + " backup " + dir_.Sub("backup"));
  EXPECT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_THAT(backup.out, HasSubstr("backed up revision"));
  Output restore = Run("restore " + dir_.Sub("backup") + " " + dir_.Sub("restored"));
  EXPECT_EQ(restore.exit_code, 0) << restore.err;
  Output got = Run("--data " + dir_.Sub("restored") + " --json get worker w-17");
  EXPECT_EQ(got.exit_code, 0) << got.err;
  EXPECT_THAT(got.out, HasSubstr("Pekerja17"));
  // Restoring over something refuses and changes nothing.
  EXPECT_EQ(Run("restore " + dir_.Sub("backup") + " " + dir_.Sub("restored")).exit_code, 1);

  // One flipped byte of w-17's stored record: check names it, get is DATA_LOSS.
  const std::string docdata = dir_.Sub("index/docdata.glass");
  std::string bytes = Slurp(docdata);
  for (size_t at = bytes.find("Pekerja17"); at != std::string::npos;
       at = bytes.find("Pekerja17", at + 1)) {
    bytes[at + 8] ^= 0x01;  // "Pekerja16"
  }
  std::ofstream(docdata, std::ios::binary | std::ios::trunc) << bytes;
  check = Run(data + " check");
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(check.out, "worker w-17: stored record fails its checksum\n");
  got = Run(data + " get worker w-17");
  EXPECT_EQ(got.exit_code, 1);
  EXPECT_THAT(got.err, HasSubstr("worker w-17: stored record fails its checksum [DATA_LOSS]"));
  EXPECT_EQ(Run(data + " get worker w-16").exit_code, 0);
  // A damaged index is not restorable.
  restore = Run("restore " + dir_.Sub("index") + " " + dir_.Sub("again"));
  EXPECT_EQ(restore.exit_code, 1);
  EXPECT_THAT(restore.err, HasSubstr("worker w-17: stored record fails its checksum"));
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("again")));
}

}  // namespace
