// `cakap --json` prints JSON: what it writes besides protobuf messages (delete, stats, the
// import report) is made with nlohmann::json, so any id or message round-trips. In-process
// on the formatters (an id the engine refuses, e.g. non-ASCII, can still be echoed), then
// through the built binary ($CAKAP_BINARY_DIR, set by ctest).
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/test_util.h"
#include "format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace {

using ::testing::HasSubstr;

// Quotes, a backslash, a control character and non-ASCII UTF-8 (2, 3 and 4 bytes).
const std::string kNastyId = "it's \"w\\1\"\t-\xC3\xA9-\xE6\x97\xA5-\xF0\x9F\x98\x80";

TEST(CliJsonTest, DeletedRoundTripsAnyId) {
  const std::string out = cakap::cli::FormatDeleted("worker", kNastyId, /*json=*/true);
  const nlohmann::json parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed.at("deleted"), "worker");
  EXPECT_EQ(parsed.at("id").get<std::string>(), kNastyId);
  EXPECT_EQ(cakap::cli::FormatDeleted("worker", "w-1", false), "deleted worker w-1\n");
}

TEST(CliJsonTest, InvalidUtf8IsReplacedNotThrown) {
  const std::string out = cakap::cli::FormatRejection(7, "bad \xFF byte", /*json=*/true);
  const nlohmann::json parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed.at("line"), 7);
  EXPECT_EQ(parsed.at("error").get<std::string>(), "bad \xEF\xBF\xBD byte");
}

TEST(CliJsonTest, StatsAndImportSummary) {
  cakap::cli::BackendStats stats;
  stats.workers = 3;
  stats.vacancies = 2;
  stats.open_vacancies = 1;
  stats.revision = 9;
  stats.size_bytes = 12345;
  const nlohmann::json parsed = nlohmann::json::parse(cakap::cli::FormatStats(stats, true));
  EXPECT_EQ(parsed, nlohmann::json({{"workers", 3}, {"vacancies", 2}, {"openVacancies", 1},
                                    {"revision", 9}, {"sizeBytes", 12345}}));
  const std::string summary = cakap::cli::FormatImportSummary(5, 1, false, true);
  EXPECT_EQ(summary.find('\n'), summary.size() - 1);  // one line: JSON Lines
  EXPECT_EQ(nlohmann::json::parse(summary),
            nlohmann::json({{"imported", 5}, {"rejected", 1}, {"complete", false}}));
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(CliJsonTest, BinaryPrintsJsonForAnIdWithQuotesAndBackslashes) {
  const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
  if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
  const std::string cakap = absl::StrCat(bin_dir, "/clients/cakap/cakap");
  cakap_test::TempDir dir;
  // Ids are printable ASCII: every character JSON escapes that an id may hold.
  const std::string id = "w'1\"\\x";
  const nlohmann::json record = {{"id", id},
                                 {"displayName", "Pekerja"},
                                 {"domicile", {{"regionCode", "63.11"}}},
                                 {"skills", nlohmann::json::array({"juru las"})}};
  std::ofstream(dir.Sub("w.jsonl")) << record.dump() << "\n{\"id\": \"\"}\n";
  const std::string out = dir.Sub("out");
  auto run = [&](const std::string& args) {
    const int status = std::system(
        absl::StrCat(cakap, " --data ", dir.Sub("index"), " --json ", args, " >", out).c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << args << "\n" << Slurp(out);
    return Slurp(out);
  };
  // The import report: JSON Lines, the rejected line, then the summary.
  std::istringstream lines(run("import workers " + dir.Sub("w.jsonl")));
  std::vector<nlohmann::json> report;
  for (std::string line; std::getline(lines, line);) report.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(report.size(), 2u);
  EXPECT_EQ(report[0].at("line"), 2);
  EXPECT_THAT(report[0].at("error").get<std::string>(), HasSubstr("id"));
  EXPECT_EQ(report[1], nlohmann::json({{"imported", 1}, {"rejected", 1}, {"complete", true}}));
  // get (protobuf's JSON) and delete (ours) name the record by the same id.
  EXPECT_EQ(nlohmann::json::parse(run("get worker 'w'\\''1\"\\x'")).at("id"), id);
  const nlohmann::json deleted = nlohmann::json::parse(run("delete worker 'w'\\''1\"\\x'"));
  EXPECT_EQ(deleted.at("id").get<std::string>(), id);
  EXPECT_EQ(deleted.at("deleted"), "worker");
}

}  // namespace
