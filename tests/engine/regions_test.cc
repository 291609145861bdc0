// Tests of the region table against the built-in data/regions.tsv and small inline files.
#include "cakap/regions.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap {
namespace {

using ::testing::HasSubstr;

constexpr char kHeader[] = "# code\tlevel\tprovince_code\tname\tpopulation\tlatitude\tlongitude\n";

class BuiltinRegionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Regions> regions = Regions::Builtin();
    ASSERT_TRUE(regions.ok()) << regions.status();
    regions_ = new Regions(*std::move(regions));
  }
  // A failed load leaves the shared table null: stop each test before it is used.
  void SetUp() override { ASSERT_NE(regions_, nullptr); }
  static void TearDownTestSuite() {
    delete regions_;
    regions_ = nullptr;
  }
  static const Regions* regions_;
};
const Regions* BuiltinRegionsTest::regions_ = nullptr;

TEST_F(BuiltinRegionsTest, LoadsAllOfIndonesia) {
  int provinces = 0;
  int kabupaten_kota = 0;
  for (const Region& region : regions_->all()) {
    (region.is_province() ? provinces : kabupaten_kota)++;
  }
  EXPECT_EQ(provinces, 38);
  EXPECT_EQ(kabupaten_kota, 514);
}

TEST_F(BuiltinRegionsTest, Find) {
  const struct {
    const char* code;
    const char* level;
    const char* province_code;
    const char* name;
    int64_t population;
    double latitude;
    double longitude;
  } kCases[] = {
      {"63.11", "kabupaten", "63", "Kabupaten Balangan", 138950, -2.32314, 115.62922},
      {"64.02", "kabupaten", "64", "Kabupaten Kutai Kartanegara", 806964, -0.44019, 116.98139},
      {"64.74", "kota", "64", "Kota Bontang", 191811, 0.12526, 117.49603},
      {"11.01", "kabupaten", "11", "Kabupaten Aceh Selatan", 239629, 3.16667, 97.41667},
      {"11", "province", "11", "Aceh", 5623479, 4.36855, 97.0253},
  };
  for (const auto& c : kCases) {
    const Region* region = regions_->Find(c.code);
    ASSERT_NE(region, nullptr) << c.code;
    EXPECT_EQ(region->code, c.code);
    EXPECT_EQ(region->level, c.level) << c.code;
    EXPECT_EQ(region->province_code, c.province_code) << c.code;
    EXPECT_EQ(region->name, c.name) << c.code;
    EXPECT_EQ(region->population, c.population) << c.code;
    EXPECT_DOUBLE_EQ(region->latitude, c.latitude) << c.code;
    EXPECT_DOUBLE_EQ(region->longitude, c.longitude) << c.code;
  }
  // Balangan, South Kalimantan, is near (-2.3, 115.6).
  EXPECT_NEAR(regions_->Find("63.11")->latitude, -2.3, 0.1);
  EXPECT_NEAR(regions_->Find("63.11")->longitude, 115.6, 0.1);
  ASSERT_NE(regions_->Find("64"), nullptr);
  EXPECT_EQ(regions_->Find("64")->name, "Kalimantan Timur");
  EXPECT_TRUE(regions_->Find("64")->is_province());
  EXPECT_FALSE(regions_->Find("64.74")->is_province());
}

TEST_F(BuiltinRegionsTest, UnknownCodeIsNull) {
  // Exact Kemendagri codes only: no BPS form ("6403"), no padding, no prefix match.
  for (const char* code : {"", "99", "64.99", "6402", "6403", "64.2", " 64.02", "64.02 ",
                           "64.", "Kota Bontang"}) {
    EXPECT_EQ(regions_->Find(code), nullptr) << "'" << code << "'";
  }
}

TEST_F(BuiltinRegionsTest, SortedByCodeAndEveryProvinceKnown) {
  const auto& all = regions_->all();
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LT(all[i - 1].code, all[i].code);
  }
  for (const Region& region : all) {
    const Region* province = regions_->Find(region.province_code);
    ASSERT_NE(province, nullptr) << region.code;
    EXPECT_TRUE(province->is_province()) << region.code;
    EXPECT_EQ(regions_->Find(region.code), &region);
  }
}

TEST(RegionsFromTsvTest, ParsesAndSortsSmallFile) {
  const std::string tsv = absl::StrCat(kHeader,
                                       "# sources\n"
                                       "64.74\tkota\t64\tKota Bontang\t191811\t0.12526\t117.49603\n"
                                       "\n"
                                       "64\tprovince\t64\tKalimantan Timur\t4000000\t0.5\t116\n"
                                       "64.02\tkabupaten\t64\tKabupaten Kutai Kartanegara\t806964"
                                       "\t-0.44019\t116.98139");  // no final newline
  absl::StatusOr<Regions> regions = Regions::FromTsv(tsv);
  ASSERT_TRUE(regions.ok()) << regions.status();
  ASSERT_EQ(regions->all().size(), 3u);
  EXPECT_EQ(regions->all()[0].code, "64");
  EXPECT_EQ(regions->all()[1].code, "64.02");
  EXPECT_EQ(regions->all()[2].code, "64.74");
  EXPECT_EQ(regions->Find("64.74")->name, "Kota Bontang");
  EXPECT_DOUBLE_EQ(regions->Find("64")->longitude, 116.0);
}

TEST(RegionsFromTsvTest, MalformedInputNamesTheLine) {
  const std::string province = "64\tprovince\t64\tKalimantan Timur\t1\t0.5\t116.5\n";  // line 2
  const struct {
    std::string rows;  // after the header, starting at line 2
    std::string where;
    std::string what;
  } kCases[] = {
      {province + "64\tprovince\t64\tKaltim\t1\t0\t116\n", "regions.tsv:3:",
       "duplicate code 64 (already on line 2)"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t0\n", "regions.tsv:3:",
       "expected 7 tab-separated columns, found 6"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t0\t116\t\n", "regions.tsv:3:",
       "expected 7 tab-separated columns, found 8"},
      {province + "6402\tkabupaten\t64\tKabupaten A\t1\t0\t116\n", "regions.tsv:3:",
       "code '6402' is not NN or NN.NN"},
      {province + "64.2\tkabupaten\t64\tKabupaten A\t1\t0\t116\n", "regions.tsv:3:",
       "code '64.2'"},
      {province + "6a.02\tkabupaten\t64\tKabupaten A\t1\t0\t116\n", "regions.tsv:3:",
       "code '6a.02'"},
      {province + "64.02\tcity\t64\tKabupaten A\t1\t0\t116\n", "regions.tsv:3:",
       "level 'city'"},
      {province + "64.02\tprovince\t64\tA\t1\t0\t116\n", "regions.tsv:3:",
       "level province does not fit code 64.02"},
      {"64\tkabupaten\t64\tKabupaten A\t1\t0\t116\n", "regions.tsv:2:",
       "level kabupaten does not fit code 64"},
      {province + "64.02\tkabupaten\t63\tKabupaten A\t1\t0\t116\n", "regions.tsv:3:",
       "province_code '63' does not match code 64.02"},
      {province + "64.02\tkabupaten\t64\t\t1\t0\t116\n", "regions.tsv:3:", "name is empty"},
      {province + "64.02\tkabupaten\t64\tKabupaten A \t1\t0\t116\n", "regions.tsv:3:",
       "surrounding spaces"},
      {province + "64.74\tkota\t64\tBontang\t1\t0\t116\n", "regions.tsv:3:",
       "does not start with 'Kota '"},
      {province + "64.74\tkabupaten\t64\tKota Bontang\t1\t0\t116\n", "regions.tsv:3:",
       "starts with 'Kota '"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t-1\t0\t116\n", "regions.tsv:3:",
       "population '-1'"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t\t0\t116\n", "regions.tsv:3:",
       "population ''"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t99999999999999999999\t0\t116\n",
       "regions.tsv:3:", "too large"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t0.123456\t116\n", "regions.tsv:3:",
       "latitude '0.123456' is not a decimal"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t1e1\t116\n", "regions.tsv:3:",
       "latitude '1e1'"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\tnan\t116\n", "regions.tsv:3:",
       "latitude 'nan'"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t0\t\n", "regions.tsv:3:",
       "longitude ''"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t-12\t116\n", "regions.tsv:3:",
       "latitude -12 out of range"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t116\t-0.4\n", "regions.tsv:3:",
       "latitude 116 out of range"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t0\t142.5\n", "regions.tsv:3:",
       "longitude 142.5 out of range"},
      {province + "\n# note\n63.11\tkabupaten\t63\tKabupaten Balangan\t1\t-2.3\t115.6\n",
       "regions.tsv:5:", "province 63 of 63.11 is not in the file"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t0\t116 \n", "regions.tsv:3:",
       "leading or trailing spaces"},
      {province + "64.02\tkabupaten\t64\tKabupaten A\t1\t0\t116\r\n", "regions.tsv:3:",
       "CR character"},
  };
  // Each case breaks one rule of rows that are otherwise valid, like these.
  ASSERT_TRUE(Regions::FromTsv(absl::StrCat(
                  kHeader, province, "64.02\tkabupaten\t64\tKabupaten A\t1\t0\t116\n"))
                  .ok());
  for (const auto& c : kCases) {
    absl::StatusOr<Regions> regions = Regions::FromTsv(absl::StrCat(kHeader, c.rows));
    ASSERT_FALSE(regions.ok()) << c.rows;
    EXPECT_EQ(regions.status().code(), absl::StatusCode::kInvalidArgument) << c.rows;
    EXPECT_THAT(regions.status().message(), HasSubstr(c.where)) << c.rows;
    EXPECT_THAT(regions.status().message(), HasSubstr(c.what)) << c.rows;
  }
}

TEST(RegionsFromTsvTest, HeaderIsRequired) {
  for (const char* tsv : {"", "64\tprovince\t64\tKalimantan Timur\t1\t0.5\t116.5\n",
                          "# code\tlevel\n64\tprovince\t64\tKalimantan Timur\t1\t0.5\t116.5\n"}) {
    absl::StatusOr<Regions> regions = Regions::FromTsv(tsv);
    ASSERT_FALSE(regions.ok()) << tsv;
    EXPECT_THAT(regions.status().message(), HasSubstr("regions.tsv:1: first line")) << tsv;
  }
}

}  // namespace
}  // namespace cakap
