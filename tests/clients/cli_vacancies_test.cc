// `cakap vacancies` through the built binary ($CAKAP_BINARY_DIR, set by ctest) on a local
// index: the table and --json, --open and --owner, paging with --page-size and
// --page-token, and errors naming the field. (Against a server: cli_server_test.)
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> Ids(const nlohmann::json& page) {
  std::vector<std::string> ids;
  if (!page.contains("vacancies")) return ids;
  for (const auto& v : page.at("vacancies")) ids.push_back(v.at("id"));
  return ids;
}

class CliVacanciesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
    if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
    cakap_ = absl::StrCat(bin_dir, "/clients/cakap/cakap");
    std::ofstream v(dir_.Sub("v.jsonl"));
    // Today is 2026-11-23 (--today below).
    v << R"({"id":"v-03","title":"Juru las","employer":"PT Las Banua","requiredSkills":["LAS"],"open":true,"owner":"pt-borneo","openings":3})"
      << "\n"
      << R"({"id":"v-01","title":"Teknisi listrik","requiredSkills":["LISTRIK"],"open":true})"
      << "\n"
      << R"({"id":"v-02","title":"Operator","requiredSkills":["LAS"],"open":false,"owner":"pt-borneo"})"
      << "\n"
      << R"({"id":"v-04","title":"Juru las lama","requiredSkills":["LAS"],"open":true,"validUntil":"2026-11-22"})"
      << "\n"
      << R"({"id":"v-05","title":"Juru las baru","requiredSkills":["LAS"],"open":true,"owner":"cv-mahakam","validUntil":"2026-11-23"})"
      << "\n";
    v.close();
    ASSERT_EQ(Run("import vacancies " + dir_.Sub("v.jsonl")).first, 0);
  }

  // Exit code and stdout+stderr of `cakap --data DIR --today 2026-11-23 ARGS`.
  std::pair<int, std::string> Run(const std::string& args) {
    const std::string out = dir_.Sub("out");
    const int status = std::system(absl::StrCat(cakap_, " --data ", dir_.Sub("index"),
                                                " --today 2026-11-23 ", args, " >", out,
                                                " 2>&1")
                                       .c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128, Slurp(out)};
  }
  nlohmann::json Json(const std::string& args) {
    auto [code, out] = Run("--json vacancies " + args);
    EXPECT_EQ(code, 0) << args << "\n" << out;
    return nlohmann::json::parse(out, nullptr, false);
  }

  cakap_test::TempDir dir_;
  std::string cakap_;
};

TEST_F(CliVacanciesTest, ListsEveryVacancyByIdAsATable) {
  auto [code, table] = Run("vacancies");
  ASSERT_EQ(code, 0) << table;
  EXPECT_THAT(table, HasSubstr("VACANCY"));
  EXPECT_THAT(table, HasSubstr("OWNER"));
  // In id order, whatever the import order.
  const size_t v1 = table.find("v-01"), v2 = table.find("v-02"), v3 = table.find("v-03");
  ASSERT_NE(v1, std::string::npos);
  EXPECT_LT(v1, v2);
  EXPECT_LT(v2, v3);
  EXPECT_THAT(table, HasSubstr("v-02         closed pt-borneo"));
  EXPECT_THAT(table, HasSubstr("v-03         open   pt-borneo          0/3"));
  EXPECT_THAT(table, HasSubstr("2026-11-22"));
  EXPECT_THAT(table, HasSubstr("PT Las Banua"));
  EXPECT_THAT(table, Not(HasSubstr("--page-token")));  // one page holds them all
}

TEST_F(CliVacanciesTest, OpenAndOwnerFilter) {
  EXPECT_THAT(Ids(Json("")), ElementsAre("v-01", "v-02", "v-03", "v-04", "v-05"));
  // Open: stored open and valid_until not passed (v-05's last day is today).
  EXPECT_THAT(Ids(Json("--open")), ElementsAre("v-01", "v-03", "v-05"));
  EXPECT_THAT(Ids(Json("--owner pt-borneo")), ElementsAre("v-02", "v-03"));
  EXPECT_THAT(Ids(Json("--owner pt-borneo --open")), ElementsAre("v-03"));
  const nlohmann::json none = Json("--owner nobody");
  EXPECT_THAT(Ids(none), ElementsAre());
  EXPECT_FALSE(none.contains("nextPageToken"));
  EXPECT_THAT(Run("vacancies --owner nobody").second, HasSubstr("no vacancies"));
}

TEST_F(CliVacanciesTest, PagesWithTheTokenOfThePreviousReply) {
  std::vector<std::string> ids;
  std::string token;
  int pages = 0;
  do {
    const nlohmann::json page =
        Json("--page-size 2" + (token.empty() ? "" : " --page-token " + token));
    for (const std::string& id : Ids(page)) ids.push_back(id);
    token = page.value("nextPageToken", "");
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(ids, ElementsAre("v-01", "v-02", "v-03", "v-04", "v-05"));
  // The table says how to get the next page.
  auto [code, table] = Run("vacancies --page-size 4");
  EXPECT_EQ(code, 0);
  EXPECT_THAT(table, HasSubstr("more: --page-token "));
}

TEST_F(CliVacanciesTest, ErrorsNameTheField) {
  auto [code, out] = Run("vacancies --page-size 100000");
  EXPECT_EQ(code, 1);
  EXPECT_THAT(out, HasSubstr("page_size: 100000"));
  std::tie(code, out) = Run("vacancies --page-token garbage");
  EXPECT_EQ(code, 1);
  EXPECT_THAT(out, HasSubstr("page_token: "));
  std::tie(code, out) = Run("vacancies --owner 'bad name'");
  EXPECT_EQ(code, 1);
  EXPECT_THAT(out, HasSubstr("owner: "));
  // Usage errors: exit 2.
  EXPECT_EQ(Run("vacancies extra").first, 2);
  EXPECT_EQ(Run("vacancies --require LAS").first, 2);
  EXPECT_THAT(Run("help vacancies").second, HasSubstr("usage: cakap vacancies"));
}

}  // namespace
