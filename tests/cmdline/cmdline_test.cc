// cmdline::Parse, the abseil flags front end of every binary: dashed names, repeated list
// flags, booleans, positional arguments anywhere, and errors naming the flag as typed.
#include "cmdline.h"

#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "cakap/version.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_FLAG(int, page_size, 20, "test flag");
ABSL_FLAG(double, radius, 0, "test flag");
ABSL_FLAG(uint64_t, max_bytes, 7, "test flag");
ABSL_FLAG(bool, json, false, "test flag");
ABSL_FLAG(std::string, data, "", "test flag");
ABSL_FLAG(std::vector<std::string>, require, {}, "test flag");

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Parses `args` (argv[0] added). Flags are process-global: each test restores them.
absl::StatusOr<cakap::cmdline::CommandLine> Parse(std::vector<std::string> args) {
  args.insert(args.begin(), "prog");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return cakap::cmdline::Parse(static_cast<int>(argv.size()), argv.data());
}

class CmdlineTest : public ::testing::Test {
 protected:
  absl::FlagSaver saver_;
};

TEST_F(CmdlineTest, DashedNamesBothValueFormsAndPositionalsAnywhere) {
  absl::StatusOr<cakap::cmdline::CommandLine> cl =
      Parse({"get", "--page-size", "50", "worker", "--data=/x", "--json", "-", "--", "--radius"});
  ASSERT_TRUE(cl.ok()) << cl.status();
  EXPECT_EQ(absl::GetFlag(FLAGS_page_size), 50);
  EXPECT_EQ(absl::GetFlag(FLAGS_data), "/x");
  EXPECT_TRUE(absl::GetFlag(FLAGS_json));
  EXPECT_EQ(absl::GetFlag(FLAGS_radius), 0);  // after "--": positional
  EXPECT_THAT(cl->positional, ElementsAre("get", "worker", "-", "--radius"));
  EXPECT_THAT(cl->given, ElementsAre("data", "json", "page-size"));
  EXPECT_TRUE(cl->Has("page-size"));
  EXPECT_FALSE(cl->help);
  EXPECT_FALSE(cl->version);
}

TEST_F(CmdlineTest, ListFlagsAddUpOtherFlagsKeepTheLastValue) {
  ASSERT_TRUE(Parse({"--require", "LAS", "--page-size=5", "--require=A,B", "--page-size", "6"}).ok());
  EXPECT_THAT(absl::GetFlag(FLAGS_require), ElementsAre("LAS", "A", "B"));
  EXPECT_EQ(absl::GetFlag(FLAGS_page_size), 6);
  ASSERT_TRUE(Parse({"--json=false"}).ok());
  EXPECT_FALSE(absl::GetFlag(FLAGS_json));
}

TEST_F(CmdlineTest, HelpAndVersion) {
  absl::StatusOr<cakap::cmdline::CommandLine> cl = Parse({"-h", "match"});
  ASSERT_TRUE(cl.ok());
  EXPECT_TRUE(cl->help);
  EXPECT_THAT(cl->positional, ElementsAre("match"));
  cl = Parse({"--version"});
  ASSERT_TRUE(cl.ok());
  EXPECT_TRUE(cl->version);
  EXPECT_EQ(cakap::cmdline::VersionLine("cakapd"), std::string("cakapd ") + cakap::kVersion + "\n");
  EXPECT_THAT(cakap::kVersion, ::testing::MatchesRegex("[0-9]+\\.[0-9]+\\.[0-9]+"));
}

TEST_F(CmdlineTest, ErrorsNameTheFlagAsTyped) {
  auto error = [](std::vector<std::string> args) {
    absl::StatusOr<cakap::cmdline::CommandLine> cl = Parse(std::move(args));
    EXPECT_FALSE(cl.ok());
    return std::string(cl.status().message());
  };
  EXPECT_EQ(error({"--page-size", "x"}), "--page-size: not an integer: \"x\"");
  EXPECT_EQ(error({"--radius=far"}), "--radius: not a number: \"far\"");
  EXPECT_EQ(error({"--max-bytes", "-1"}), "--max-bytes: not an integer >= 0: \"-1\"");
  EXPECT_EQ(error({"--json=maybe"}), "--json: not true or false: \"maybe\"");
  EXPECT_EQ(error({"--no-such-flag"}), "unknown flag --no-such-flag");
  EXPECT_EQ(error({"-x"}), "unknown option -x");
  EXPECT_EQ(error({"get", "--data"}), "--data needs a value");
  // Abseil's own flags read names as identifiers and are not in any usage text.
  EXPECT_EQ(error({"--flagfile=/etc/passwd"}), "unknown flag --flagfile");
}

}  // namespace
