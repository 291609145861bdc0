// Every binary's command line (abseil flags through cmdline::Parse): --version prints the
// project's version, --help exits 0, and a bad flag is exit code 2 with a message naming
// the flag as documented. Runs the built binaries ($CAKAP_BINARY_DIR, set by ctest).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "cakap/version.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;

struct Output {
  int exit_code = -1;
  std::string out, err;
};

class BinariesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
    if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
    bin_dir_ = bin_dir;
    char templ[] = "/tmp/cakap_binaries_test_XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    tmp_ = templ;
  }
  void TearDown() override {
    if (!tmp_.empty()) std::system(("rm -rf " + tmp_).c_str());
  }

  // Runs <build>/<binary> with `args` (through /bin/sh).
  Output Run(const std::string& binary, const std::string& args) {
    const std::string out = tmp_ + "/out", err = tmp_ + "/err";
    const int status = std::system(
        absl::StrCat(bin_dir_, "/", binary, " ", args, " >", out, " 2>", err).c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128, Slurp(out), Slurp(err)};
  }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  std::string bin_dir_, tmp_;
};

constexpr const char* kBinaries[][2] = {{"service/cakapd", "cakapd"},
                                        {"clients/cakap/cakap", "cakap"},
                                        {"bench/corpus/cakap-gen", "cakap-gen"},
                                        {"bench/driver/cakap-bench", "cakap-bench"},
                                        {"bench/load/cakap-load", "cakap-load"},
                                        {"bench/allocate/cakap-alloc-bench", "cakap-alloc-bench"}};

TEST_F(BinariesTest, VersionAndHelp) {
  for (const auto& [path, name] : kBinaries) {
    Output version = Run(path, "--version");
    EXPECT_EQ(version.exit_code, 0) << name << version.err;
    EXPECT_EQ(version.out, absl::StrCat(name, " ", cakap::kVersion, "\n"));
    Output help = Run(path, "--help");
    EXPECT_EQ(help.exit_code, 0) << name << help.err;
    EXPECT_THAT(help.out, HasSubstr("usage: " + std::string(name))) << name;
    EXPECT_THAT(help.out, HasSubstr("--version")) << name;
    Output unknown = Run(path, "--no-such-flag");
    EXPECT_EQ(unknown.exit_code, 2) << name;
    EXPECT_THAT(unknown.err, HasSubstr(absl::StrCat(name, ": unknown flag --no-such-flag")));
  }
}

TEST_F(BinariesTest, BadValuesNameTheFlag) {
  struct Case {
    const char* binary;
    const char* args;
    const char* message;
  } cases[] = {
      {"service/cakapd", "--http-max-body-bytes 0", "--http-max-body-bytes: not an integer > 0"},
      {"service/cakapd", "--http-max-body-bytes=many", "--http-max-body-bytes: not an integer >= 0: \"many\""},
      {"service/cakapd", "--http-max-connections 0", "--http-max-connections: not an integer from 1 to 10000"},
      {"service/cakapd", "--shutdown-grace -1", "--shutdown-grace: not a number >= 0"},
      {"service/cakapd", "--listen", "--listen needs a value"},
      {"service/cakapd", "--name x", "--name applies only to `keys`"},
      {"service/cakapd", "keys add --keys k --name n --role admin --data d",
       "keys add: --data does not apply"},
      {"service/cakapd", "keys add --keys k --name n --role admin --rate -1", "--rate: not a number >= 0"},
      {"clients/cakap/cakap", "match --page-size lots", "--page-size: not an integer: \"lots\""},
      {"clients/cakap/cakap", "stats --limit 3", "--limit does not apply to stats"},
      {"clients/cakap/cakap", "--today 2026-13-01 stats", "--today: expected YYYY-MM-DD"},
      {"bench/corpus/cakap-gen", "--workers 5 --threads 0", "bad value for --threads: 0"},
      {"bench/corpus/cakap-gen", "--seed 5", "give exactly one of --workers, --vacancies and --ledger"},
      {"bench/driver/cakap-bench", "--workers 10,x", "--workers: \"x\" is not a positive number"},
      {"bench/driver/cakap-bench", "--systems floor,mysql", "--systems: unknown system \"mysql\""},
      {"bench/load/cakap-load", "--target 127.0.0.1:1 --max-calls x", "--max-calls: not an integer: \"x\""},
      {"bench/load/cakap-load", "--max-calls 5", "--target is required"},
      {"bench/load/cakap-load", "--target 127.0.0.1:1 --transport carrier-pigeon",
       "bad value for --transport: carrier-pigeon"},
  };
  for (const Case& c : cases) {
    Output o = Run(c.binary, c.args);
    EXPECT_EQ(o.exit_code, 2) << c.binary << " " << c.args << "\n" << o.err;
    EXPECT_THAT(o.err, HasSubstr(c.message)) << c.binary << " " << c.args;
  }
}

}  // namespace
