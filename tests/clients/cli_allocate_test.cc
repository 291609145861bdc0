// `cakap allocate` through the built binary ($CAKAP_BINARY_DIR, set by ctest): stored
// vacancies by id, a cohort file, the table and --json.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace {

using ::testing::HasSubstr;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(CliAllocateTest, AllocatesStoredVacanciesForACohort) {
  const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
  if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
  const std::string cakap = absl::StrCat(bin_dir, "/clients/cakap/cakap");
  cakap_test::TempDir dir;
  std::ofstream(dir.Sub("w.jsonl"))
      << R"({"id":"w-1","displayName":"Siti","domicile":{"regionCode":"63.11"},"skills":["LAS"]})"
      << "\n"
      << R"({"id":"w-2","displayName":"Budi","domicile":{"regionCode":"63.11"},"skills":["LAS","LISTRIK"]})"
      << "\n"
      << R"({"id":"w-3","displayName":"Ani","domicile":{"regionCode":"63.11"},"skills":["LISTRIK"]})"
      << "\n";
  std::ofstream(dir.Sub("v.jsonl"))
      << R"({"id":"las","title":"Juru las","requiredSkills":["LAS"],"openings":1})" << "\n"
      << R"({"id":"listrik","title":"Teknisi listrik","requiredSkills":["LISTRIK"],"openings":1})"
      << "\n";
  std::ofstream(dir.Sub("cohort")) << "# job fair\nw-1\nw-2\nw-3\nghost\n";
  const std::string out = dir.Sub("out");
  auto run = [&](const std::string& args) {
    const int status = std::system(absl::StrCat(cakap, " --data ", dir.Sub("index"),
                                                " --today 2026-11-23 ", args, " >", out, " 2>&1")
                                       .c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << args << "\n" << Slurp(out);
    return Slurp(out);
  };
  run("import workers " + dir.Sub("w.jsonl"));
  run("import vacancies " + dir.Sub("v.jsonl"));
  const std::string args =
      "allocate --vacancy-id las --vacancy-id listrik --workers " + dir.Sub("cohort");
  const nlohmann::json r = nlohmann::json::parse(run("--json " + args));
  // Two places, three fitting workers: the two placed are on different vacancies, and
  // the third is unplaced because what it fits is full; "ghost" does not exist.
  ASSERT_EQ(r.at("placements").size(), 2u);
  ASSERT_EQ(r.at("unplaced").size(), 2u);
  EXPECT_EQ(r.at("unplaced")[0].at("workerId"), "ghost");  // by worker id
  EXPECT_EQ(r.at("unplaced")[0].at("reason"), "NOT_FOUND");
  EXPECT_EQ(r.at("unplaced")[1].at("reason"), "VACANCIES_FULL");
  EXPECT_EQ(r.at("summary").at("assignments"), "2");  // int64 is a string in proto JSON
  const std::string table = run(args);
  EXPECT_THAT(table, HasSubstr("las  Juru las  1/1 places"));
  EXPECT_THAT(table, HasSubstr("1 no such worker: ghost"));
  EXPECT_THAT(table, HasSubstr("greedy baseline"));
  // Neither --vacancy-id nor --open: a usage error (exit 2).
  const int status = std::system(absl::StrCat(cakap, " --data ", dir.Sub("index"),
                                              " allocate >/dev/null 2>&1").c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 2);
}

}  // namespace
