// `cakap place`, `outcome`, `history`, `figures` and `import ledger`, run as the built
// binary ($CAKAP_BINARY_DIR, set by ctest) on a local index: the Bontang-style sentence
// comes out of `cakap figures`, and a full vacancy refuses another placement.
#include <cstdio>
#include <cstdlib>
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

class CliLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
    if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
    cakap_ = absl::StrCat(bin_dir, "/clients/cakap/cakap --data ", dir_.Sub("index"),
                          " --today 2026-11-23");
  }
  Output Run(const std::string& args) {
    const std::string out = dir_.Sub("out"), err = dir_.Sub("err");
    const int status =
        std::system(absl::StrCat(cakap_, " ", args, " >", out, " 2>", err).c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), Slurp(out),
            Slurp(err)};
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_.Sub(name)) << text;
  }
  cakap_test::TempDir dir_;
  std::string cakap_;
};

TEST_F(CliLedgerTest, PlaceRecordAndPublish) {
  std::string workers;
  for (int i = 0; i < 4; ++i) {
    absl::StrAppend(&workers, R"({"id":"w-)", i,
                    R"(","domicile":{"regionCode":"63.11"},"skills":["juru las"],)",
                    R"("trainings":[{"programme":"Las","institution":"BLK Balangan","endedOn":"2024-0)",
                    i + 3, R"(-15"}]})", "\n");
  }
  Write("w.jsonl", workers);
  Write("v.jsonl", R"({"id":"v-1","requiredSkills":["LAS"],"location":{"regionCode":"63.11"},"open":true})"
                   "\n");
  ASSERT_EQ(Run("import workers " + dir_.Sub("w.jsonl")).exit_code, 0);
  ASSERT_EQ(Run("import vacancies " + dir_.Sub("v.jsonl")).exit_code, 0);

  Output placed = Run("place w-0 --kind job --date 2024-05-01 --vacancy-id v-1");
  ASSERT_EQ(placed.exit_code, 0) << placed.err;
  EXPECT_THAT(placed.out, HasSubstr("placed (job) on 2024-05-01 into vacancy v-1"));
  // v-1 had one opening: it is full and closed.
  Output full = Run("place w-1 --kind job --date 2024-06-01 --vacancy-id v-1");
  EXPECT_EQ(full.exit_code, 1);
  EXPECT_THAT(full.err, HasSubstr("openings of vacancy v-1 are filled"));
  EXPECT_THAT(Run("get vacancy v-1").out, HasSubstr("(closed)"));
  // The rest from a ledger file, as cakap-gen --ledger writes it.
  Write("l.jsonl",
        R"({"workerId":"w-1","placement":{"kind":"PLACEMENT_KIND_OWN_BUSINESS","date":"2024-07-01"}})" "\n"
        R"({"workerId":"w-0","outcome":{"placementSeq":"1","kind":"OUTCOME_KIND_STILL_WORKING","afterMonths":6}})" "\n"
        R"({"workerId":"w-9","outcome":{"placementSeq":"1","kind":"OUTCOME_KIND_LEFT"}})" "\n");
  Output imported = Run("import ledger " + dir_.Sub("l.jsonl"));
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("line 3: outcome.date: required for LEFT"));
  EXPECT_THAT(imported.out, HasSubstr("imported 2, rejected 1"));

  Output history = Run("history w-0");
  ASSERT_EQ(history.exit_code, 0);
  EXPECT_THAT(history.out, HasSubstr("placement 1: still working at 6 months"));
  Output figures = Run("figures --cohort-year 2024");
  ASSERT_EQ(figures.exit_code, 0) << figures.err;
  EXPECT_THAT(figures.out,
              HasSubstr("of 4 trained in 2024, 2 placed: 1 job, 1 own business; still "
                        "working after 6 months: 1\n"));
  EXPECT_EQ(Run("figures --decile-min 11").exit_code, 1);
}

}  // namespace
