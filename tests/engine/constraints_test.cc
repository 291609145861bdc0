// Every hard constraint of docs/ranking.md at its boundaries, one table row per case.
// Each row has its own worker (all stored in one engine) and its own vacancy; the row
// checks whether that worker is a candidate of that vacancy, that the reference matcher
// agrees, and, for a worker failing one constraint, that the near miss names it.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "reference/reference_matcher.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
using namespace cakap_ref;  // NOLINT: the oracle's types read best unqualified here
namespace {

using cakap::v1::EMPLOYMENT_STATUS_EMPLOYED;
using cakap::v1::EMPLOYMENT_STATUS_SEEKING;
using cakap::v1::EMPLOYMENT_STATUS_SELF_EMPLOYED;
using cakap::v1::EMPLOYMENT_STATUS_UNSPECIFIED;
using cakap::v1::ISSUER_BNSP;
using cakap::v1::ISSUER_KEMNAKER;
using cakap::v1::ISSUER_OTHER;

// Balangan's reference point (data/regions.tsv, 63.11).
constexpr double kLat = -2.32314;
constexpr double kLon = 115.62922;
constexpr char kStart[] = "2026-12-01";

struct Case {
  std::string name;
  cakap::v1::Worker worker;
  cakap::v1::Vacancy vacancy;
  bool candidate;
  // For a non-candidate: the one constraint it fails ("" when it fails several).
  std::string constraint;
};

// A vacancy requiring LAS from kStart, without place.
VacancyBuilder Las() { return VacancyBuilder().Require("LAS").Start(kStart); }
// The same, with a BNSP certificate required.
VacancyBuilder LasBnsp() { return Las().Issuer(ISSUER_BNSP); }
// A worker with the LAS skill.
WorkerBuilder Welder(const std::string& id) { return WorkerBuilder(id).Skill("LAS"); }

std::vector<Case> Cases() {
  std::vector<Case> cs;
  auto add = [&](std::string name, WorkerBuilder w, VacancyBuilder v, bool candidate,
                 std::string constraint = "") {
    cakap::v1::Worker worker = w.Build();
    worker.set_id("w-" + name);
    cs.push_back(Case{name, worker, v.Build(), candidate, candidate ? "" : constraint});
  };
  const LatLon centre{kLat, kLon};

  // --- radius (vacancy point by coordinates and by region reference point).
  add("radius_just_inside",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 30 - 0.001, 45)),
      Las().At(centre).Radius(30), true);
  add("radius_just_outside",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 30 + 0.001, 45)),
      Las().At(centre).Radius(30), false, kRadius);
  add("radius_region_point_inside",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 12.5 - 0.001, 200)),
      Las().Region("63.11").Radius(12.5), true);
  add("radius_region_point_outside",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 12.5 + 0.001, 200)),
      Las().Region("63.11").Radius(12.5), false, kRadius);
  add("radius_worker_region_point", Welder(""), Las().At(PointAtDistance(kLat, kLon, 5, 90))
      .Radius(5.001), true);
  add("radius_worker_region_point_outside", Welder(""),
      Las().At(PointAtDistance(kLat, kLon, 5, 90)).Radius(4.999), false, kRadius);

  // --- certificate validity on the start date.
  add("cert_expires_on_start",
      Welder("").Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-01-01", "2026-12-01"), LasBnsp(),
      true);
  add("cert_expires_day_before",
      Welder("").Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-01-01", "2026-11-30"), LasBnsp(),
      false, kCertificate);
  add("cert_issued_on_start",
      Welder("").Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2026-12-01", "2029-11-30"), LasBnsp(),
      true);
  add("cert_issued_day_after",
      Welder("").Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2026-12-02", "2029-11-30"), LasBnsp(),
      false, kCertificate);
  // Without expires_on: issued_on + 3 years - 1 day.
  add("cert_default_validity_last_day",
      Welder("").Cert(ISSUER_BNSP, {"LAS"}, 3, "2023-12-02"), LasBnsp(), true);
  add("cert_default_validity_expired",
      Welder("").Cert(ISSUER_BNSP, {"LAS"}, 3, "2023-12-01"), LasBnsp(), false,
      kCertificate);
  // Start date empty: today (2026-11-23).
  add("cert_expires_today_no_start",
      Welder("").Cert(ISSUER_BNSP, {"LAS"}, 3, "2025-01-01", "2026-11-23"),
      VacancyBuilder().Require("LAS").Issuer(ISSUER_BNSP), true);
  add("cert_expired_yesterday_no_start",
      Welder("").Cert(ISSUER_BNSP, {"LAS"}, 3, "2025-01-01", "2026-11-22"),
      VacancyBuilder().Require("LAS").Issuer(ISSUER_BNSP), false, kCertificate);

  // --- KKNI level.
  add("kkni_equal_to_minimum",
      Welder("").Cert(ISSUER_BNSP, {"LAS"}, 4, "2025-01-01", "2027-12-31"),
      LasBnsp().MinKkni(4), true);
  add("kkni_one_below_minimum",
      Welder("").Cert(ISSUER_BNSP, {"LAS"}, 3, "2025-01-01", "2027-12-31"),
      LasBnsp().MinKkni(4), false, kCertificate);
  add("kkni_not_given_no_minimum",
      Welder("").Cert(ISSUER_BNSP, {"LAS"}, 0, "2025-01-01", "2027-12-31"), LasBnsp(), true);
  add("kkni_not_given_minimum_1",
      Welder("").Cert(ISSUER_BNSP, {"LAS"}, 0, "2025-01-01", "2027-12-31"),
      LasBnsp().MinKkni(1), false, kCertificate);
  add("kkni_minimum_ignored_without_issuers", Welder(""), Las().MinKkni(5), true);
  // The level must be on the same certificate as issuer, validity and skill.
  add("kkni_on_another_certificate",
      Welder("")
          .Cert(ISSUER_BNSP, {"LAS"}, 2, "2025-01-01", "2027-12-31")
          .Cert(ISSUER_OTHER, {"LAS"}, 6, "2025-01-01", "2027-12-31"),
      LasBnsp().MinKkni(4), false, kCertificate);

  // --- issuer.
  add("issuer_not_accepted",
      Welder("").Cert(ISSUER_KEMNAKER, {"LAS"}, 3, "2025-01-01", "2027-12-31"), LasBnsp(),
      false, kCertificate);
  add("issuer_second_accepted",
      Welder("").Cert(ISSUER_KEMNAKER, {"LAS"}, 3, "2025-01-01", "2027-12-31"),
      LasBnsp().Issuer(ISSUER_KEMNAKER), true);
  add("issuer_other_accepted",
      Welder("").Cert(ISSUER_OTHER, {"LAS"}, 1, "2025-01-01", "2027-12-31"),
      Las().Issuer(ISSUER_OTHER), true);

  // --- certificate coverage.
  add("cert_not_covering_required_skill",
      Welder("").Cert(ISSUER_BNSP, {"OAB.EXCAVATOR"}, 3, "2025-01-01", "2027-12-31"),
      LasBnsp(), false, kCertificate);
  add("cert_specialisation_covers_family",
      Welder("").Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-01-01", "2027-12-31"), LasBnsp(),
      true);
  add("cert_family_does_not_cover_specialisation",
      WorkerBuilder("").Skill("LAS.SMAW").Cert(ISSUER_BNSP, {"LAS"}, 3, "2025-01-01",
                                                "2027-12-31"),
      VacancyBuilder().Require("LAS.SMAW").Issuer(ISSUER_BNSP).Start(kStart), false,
      kCertificate);
  add("cert_without_skills_no_requirement",
      WorkerBuilder("").Cert(ISSUER_BNSP, {}, 3, "2025-01-01", "2027-12-31"),
      VacancyBuilder().Issuer(ISSUER_BNSP).Start(kStart), false, kCertificate);
  add("cert_with_any_skill_no_requirement",
      WorkerBuilder("").Cert(ISSUER_BNSP, {"MSK"}, 3, "2025-01-01", "2027-12-31"),
      VacancyBuilder().Issuer(ISSUER_BNSP).Start(kStart), true);
  add("cert_skill_by_synonym",
      WorkerBuilder("").Cert(ISSUER_BNSP, {"las tig"}, 3, "2025-01-01", "2027-12-31"),
      VacancyBuilder().Require("LAS.GTAW").Issuer(ISSUER_BNSP).Start(kStart), true);

  // --- required skills.
  add("skill_specialisation_satisfies_family", WorkerBuilder("").Skill("LAS.SMAW"), Las(),
      true);
  add("skill_family_does_not_satisfy_specialisation", WorkerBuilder("").Skill("LAS"),
      VacancyBuilder().Require("LAS.SMAW").Start(kStart), false, kRequiredSkill);
  add("skill_via_certificate_only",
      WorkerBuilder("").Cert(ISSUER_OTHER, {"LAS.GTAW"}, 2, "2020-01-01", "2021-01-01"),
      VacancyBuilder().Require("LAS.GTAW").Start(kStart), true);
  add("skill_by_synonym", WorkerBuilder("").Skill("juru las"), Las(), true);
  add("skill_required_by_synonym", WorkerBuilder("").Skill("LAS.GTAW"),
      VacancyBuilder().Require("las argon").Start(kStart), true);
  add("skill_missing", WorkerBuilder("").Skill("MSK.CHEF"), Las(), false, kRequiredSkill);
  add("skill_one_of_two_missing", WorkerBuilder("").Skill("LAS.SMAW"),
      Las().Require("K3"), false, kRequiredSkill);
  add("skill_two_missing", WorkerBuilder("").Skill("MSK.CHEF"),
      Las().Require("K3"), false, "");
  add("skill_sibling_does_not_satisfy", WorkerBuilder("").Skill("LAS.SMAW"),
      VacancyBuilder().Require("LAS.GTAW").Start(kStart), false, kRequiredSkill);

  // --- region filter.
  add("region_kabupaten_match", Welder("").Region("63.11"), Las().InRegion("63.11"), true);
  add("region_kabupaten_other", Welder("").Region("63.11"), Las().InRegion("63.09"), false,
      kRegion);
  add("region_province_match", Welder("").Region("63.11"), Las().InRegion("63"), true);
  add("region_province_other", Welder("").Region("63.11"), Las().InRegion("64"), false,
      kRegion);
  add("region_one_of_several", Welder("").Region("64.72"),
      Las().InRegion("63").InRegion("64.72"), true);
  add("region_coordinates_only_fails", Welder("").CoordsOnly(kLat, kLon),
      Las().InRegion("63.11").InRegion("63"), false, kRegion);
  add("region_code_with_coordinates", Welder("").Region("63.11").At(kLat + 0.01, kLon),
      Las().InRegion("63.11"), true);

  // --- the worker's travel radius (vacancy with a place, no radius filter).
  add("travel_inside",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 40 - 0.001, 300)).Travel(40),
      Las().At(centre), true);
  add("travel_outside",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 40 + 0.001, 300)).Travel(40),
      Las().At(centre), false, kTravelRadius);
  add("travel_relocate_overrides",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 400, 300)).Travel(40).Relocate(),
      Las().At(centre), true);
  add("travel_default_50_inside",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 50 - 0.001, 10)),
      Las().At(centre), true);
  add("travel_default_50_outside",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 50 + 0.001, 10)),
      Las().At(centre), false, kTravelRadius);
  add("travel_region_location",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 20 + 0.001, 170)).Travel(20),
      Las().Region("63.11"), false, kTravelRadius);
  add("travel_no_vacancy_place", Welder("").Region("61.01").Travel(1), Las(), true);
  add("travel_radius_and_travel_both_fail",
      Welder("").CoordsOnly(PointAtDistance(kLat, kLon, 60, 10)).Travel(30),
      Las().At(centre).Radius(50), false, "");

  // --- availability (start 2026-12-01).
  add("avail_seeking_now", Welder("").Status(EMPLOYMENT_STATUS_SEEKING), Las(), true);
  add("avail_unspecified_now", Welder("").Status(EMPLOYMENT_STATUS_UNSPECIFIED), Las(), true);
  add("avail_seeking_from_start",
      Welder("").Status(EMPLOYMENT_STATUS_SEEKING).AvailableFrom("2026-12-01"), Las(), true);
  add("avail_seeking_from_day_after",
      Welder("").Status(EMPLOYMENT_STATUS_SEEKING).AvailableFrom("2026-12-02"), Las(), false,
      kAvailability);
  add("avail_employed_no_date", Welder("").Status(EMPLOYMENT_STATUS_EMPLOYED), Las(), false,
      kAvailability);
  add("avail_self_employed_no_date", Welder("").Status(EMPLOYMENT_STATUS_SELF_EMPLOYED),
      Las(), false, kAvailability);
  add("avail_employed_from_start",
      Welder("").Status(EMPLOYMENT_STATUS_EMPLOYED).AvailableFrom("2026-12-01"), Las(), true);
  add("avail_employed_from_before",
      Welder("").Status(EMPLOYMENT_STATUS_EMPLOYED).AvailableFrom("2026-01-15"), Las(), true);
  add("avail_employed_from_day_after",
      Welder("").Status(EMPLOYMENT_STATUS_EMPLOYED).AvailableFrom("2026-12-02"), Las(), false,
      kAvailability);
  add("avail_include_employed", Welder("").Status(EMPLOYMENT_STATUS_EMPLOYED),
      Las().IncludeEmployed(), true);
  add("avail_include_self_employed", Welder("").Status(EMPLOYMENT_STATUS_SELF_EMPLOYED),
      Las().IncludeEmployed(), true);
  add("avail_include_employed_later_date",
      Welder("").Status(EMPLOYMENT_STATUS_SEEKING).AvailableFrom("2027-06-01"),
      Las().IncludeEmployed(), true);
  add("avail_no_start_employed_from_today",
      Welder("").Status(EMPLOYMENT_STATUS_EMPLOYED).AvailableFrom("2026-11-23"),
      VacancyBuilder().Require("LAS"), true);
  add("avail_no_start_employed_from_tomorrow",
      Welder("").Status(EMPLOYMENT_STATUS_EMPLOYED).AvailableFrom("2026-11-24"),
      VacancyBuilder().Require("LAS"), false, kAvailability);

  // --- keywords.
  auto sailor = [](const std::string& id) {
    return Welder(id).Training("Operator Pemeliharaan Kapal", "BLKI Samarinda", "perkapalan");
  };
  add("kw_word_exact", sailor(""), Las().Keywords("kapal"), true);
  add("kw_word_upper_case", sailor(""), Las().Keywords("Kapal"), true);
  add("kw_word_stemmed", sailor(""), Las().Keywords("memelihara"), true);
  add("kw_institution", sailor(""), Las().Keywords("samarinda"), true);
  add("kw_two_words", sailor(""), Las().Keywords("kapal samarinda"), true);
  add("kw_word_absent", sailor(""), Las().Keywords("pesawat"), false, kKeywords);
  add("kw_one_of_two_absent", sailor(""), Las().Keywords("kapal pesawat"), false, kKeywords);
  add("kw_certificate_scheme",
      Welder("").Cert(ISSUER_OTHER, {"LAS"}, 2, "2025-01-01", "2027-01-01",
                      "Sertifikasi Navigasi Sungai", "LSP Mahakam"),
      Las().Keywords("navigasi"), true);
  add("kw_certificate_body",
      Welder("").Cert(ISSUER_OTHER, {"LAS"}, 2, "2025-01-01", "2027-01-01",
                      "Sertifikasi Navigasi Sungai", "LSP Mahakam"),
      Las().Keywords("mahakam"), true);
  add("kw_free_text_skill", Welder("").Skill("perawatan kapal tongkang"),
      Las().Keywords("tongkang"), true);
  add("kw_synonym_names_skill_held", WorkerBuilder("").Skill("LAS.SMAW"),
      VacancyBuilder().Keywords("welder").Start(kStart), true);
  add("kw_synonym_names_skill_missing", WorkerBuilder("").Skill("MSK").Training("Welder"),
      VacancyBuilder().Keywords("welder").Start(kStart), false, kKeywords);
  add("kw_skill_phrase_specialisation", WorkerBuilder("").Skill("LAS.GTAW"),
      VacancyBuilder().Keywords("las tig").Start(kStart), true);
  add("kw_skill_phrase_family_only", WorkerBuilder("").Skill("LAS"),
      VacancyBuilder().Keywords("las tig").Start(kStart), false, kKeywords);
  add("kw_skill_and_word", sailor("").Skill("OAB.CRANE"),
      VacancyBuilder().Keywords("crane kapal").Start(kStart), true);

  return cs;
}

class ConstraintsTest : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto engine = OpenEngine(dir_->path());
    if (!engine.ok()) {
      error_ = engine.status().ToString();
      return;
    }
    engine_ = engine->release();
    std::vector<cakap::v1::Worker> workers;
    for (const Case& c : Cases()) workers.push_back(c.worker);
    absl::StatusOr<cakap::BulkResult> r = engine_->UpsertWorkers(workers);
    if (!r.ok()) {
      error_ = r.status().ToString();
    } else if (!r->rejected.empty()) {
      error_ = absl::StrCat("rejected ", workers[r->rejected[0].index].id(), ": ",
                            r->rejected[0].status.ToString());
    }
    auto lex = cakap::Lexicon::Builtin();
    auto regions = cakap::Regions::Builtin();
    if (lex.ok() && regions.ok()) {
      lexicon_ = new cakap::Lexicon(*std::move(lex));
      regions_ = new cakap::Regions(*std::move(regions));
      ref_ = new ReferenceMatcher(*lexicon_, *regions_, TestOptions());
    } else {
      error_ = "builtin lexicon or regions failed";
    }
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete ref_;
    delete lexicon_;
    delete regions_;
    delete dir_;
    engine_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(engine_ != nullptr && error_.empty()) << error_;
  }

  static TempDir* dir_;
  static cakap::Engine* engine_;
  static cakap::Lexicon* lexicon_;
  static cakap::Regions* regions_;
  static ReferenceMatcher* ref_;
  static std::string error_;
};

TempDir* ConstraintsTest::dir_ = nullptr;
cakap::Engine* ConstraintsTest::engine_ = nullptr;
cakap::Lexicon* ConstraintsTest::lexicon_ = nullptr;
cakap::Regions* ConstraintsTest::regions_ = nullptr;
ReferenceMatcher* ConstraintsTest::ref_ = nullptr;
std::string ConstraintsTest::error_;

TEST_P(ConstraintsTest, Boundary) {
  const Case& c = GetParam();
  // The reference matcher reads the contract the same way as the table.
  ASSERT_OK_AND_ASSIGN(RefWorker rw, ref_->ResolveWorker(c.worker));
  ASSERT_OK_AND_ASSIGN(RefVacancy rv, ref_->ResolveVacancy(c.vacancy));
  const RefEvaluation e = ref_->Evaluate(rw, rv, false);
  EXPECT_EQ(e.candidate(), c.candidate) << "reference disagrees with the table:\n"
                                        << ref_->Describe(rw, rv, e);
  if (!c.candidate && !c.constraint.empty()) {
    EXPECT_THAT(e.failed, ::testing::ElementsAre(c.constraint)) << ref_->Describe(rw, rv, e);
  }

  ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> all,
                       MatchAll(*engine_, c.vacancy, MatchOpts(200)));
  const std::vector<std::string> ids = Ids(all);
  if (c.candidate) {
    EXPECT_THAT(ids, ::testing::Contains(c.worker.id()))
        << "expected a candidate:\n" << ref_->Describe(rw, rv, e);
  } else {
    EXPECT_THAT(ids, ::testing::Not(::testing::Contains(c.worker.id())))
        << "expected no candidate:\n" << ref_->Describe(rw, rv, e);
  }

  // Near misses: a worker failing exactly one constraint is a near miss naming it; a
  // candidate or a worker failing two constraints never is.
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r,
                       engine_->Match(c.vacancy, MatchOpts(200, false, 100)));
  const cakap::v1::NearMiss* found = nullptr;
  for (const auto& nm : r.near_misses()) {
    if (nm.candidate().worker().id() == c.worker.id()) found = &nm;
  }
  if (!c.candidate && !c.constraint.empty()) {
    ASSERT_NE(found, nullptr) << "expected a near miss on " << c.constraint;
    EXPECT_EQ(found->constraint(), c.constraint) << found->reason();
    EXPECT_FALSE(found->reason().empty());
  } else {
    EXPECT_EQ(found, nullptr) << "unexpected near miss " << found->constraint() << ": "
                              << found->reason();
  }
}

INSTANTIATE_TEST_SUITE_P(Table, ConstraintsTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace cakap_test
