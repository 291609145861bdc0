// The score of docs/ranking.md: components, rounding, the worked example, order and ties,
// exclude_welfare, and independence from the corpus.
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "corpus.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using cakap::v1::ISSUER_BNSP;
using cakap::v1::ISSUER_KEMNAKER;
using cakap::v1::ISSUER_OTHER;

constexpr double kLat = -2.32314;  // Balangan (63.11)
constexpr double kLon = 115.62922;
const char* const kComponentNames[] = {"preferred_skills", "certificate", "distance",
                                       "welfare"};
// Components that explain without scoring (docs/ranking.md): always of value 0.
const char* const kInformationalNames[] = {"wage", "quota"};

bool IsMicroMultiple(double v) { return std::abs(v * 1e6 - std::round(v * 1e6)) < 1e-6; }

// Checks the invariants every candidate's score has; returns a description of the first
// violation or "".
std::string CheckScore(const cakap::v1::Candidate& c, bool exclude_welfare) {
  double sum = 0;
  for (const auto& e : c.explanation()) {
    bool known = false, informational = false;
    for (const char* n : kComponentNames) known = known || e.name() == n;
    for (const char* n : kInformationalNames) informational = informational || e.name() == n;
    if (informational && e.value() != 0) return absl::StrCat(e.name(), " scores ", e.value());
    if (!known && !informational) return absl::StrCat("unknown component ", e.name());
    if (exclude_welfare && e.name() == "welfare") return "welfare with exclude_welfare";
    if (!IsMicroMultiple(e.value())) return absl::StrCat(e.name(), " not rounded: ", e.value());
    if (e.value() < 0) return absl::StrCat(e.name(), " negative");
    sum += e.value();
  }
  if (std::abs(sum - c.score()) > 1e-9) {
    return absl::StrCat("components sum to ", sum, ", score ", c.score());
  }
  if (!IsMicroMultiple(c.score())) return "score not rounded to 6 decimals";
  if (c.score() < 0 || c.score() > 1 + 1e-12) return "score outside [0, 1]";
  return "";
}

class RankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
  }
  void Upsert(const cakap::v1::Worker& w) { ASSERT_OK(engine_->UpsertWorker(w)); }
  // The one candidate with this id, or a failure.
  cakap::v1::Candidate Find(const cakap::v1::Vacancy& v, const std::string& id,
                            bool exclude_welfare = false) {
    absl::StatusOr<std::vector<cakap::v1::Candidate>> all =
        MatchAll(*engine_, v, MatchOpts(200, false, 0, exclude_welfare));
    EXPECT_OK(all);
    if (all.ok()) {
      for (const auto& c : *all) {
        if (c.worker().id() == id) return c;
      }
    }
    ADD_FAILURE() << id << " is not a candidate";
    return cakap::v1::Candidate();
  }

  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
};

// docs/ranking.md "Worked example", reproduced to the last digit.
TEST_F(RankingTest, WorkedExample) {
  const LatLon home = PointAtDistance(kLat, kLon, 12.0, 0);
  Upsert(WorkerBuilder("worked")
             .Region("63.11")
             .At(home)
             .Skills({"LAS.SMAW", "LAS.GTAW"})
             .Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-06-30", "2027-06-30")
             .Decile(3));
  const cakap::v1::Vacancy v = VacancyBuilder()
                                   .Require("LAS")
                                   .Prefer("LAS.GTAW")
                                   .Prefer("LAS.PIPA")
                                   .Issuer(ISSUER_BNSP)
                                   .MinKkni(2)
                                   .Region("63.11")
                                   .Radius(50)
                                   .Start("2026-12-01");
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine_->Match(v, MatchOpts(20)));
  ASSERT_EQ(r.candidates_size(), 1);
  EXPECT_EQ(r.total(), 1);
  const cakap::v1::Candidate& c = r.candidates(0);
  EXPECT_EQ(c.worker().id(), "worked");
  EXPECT_NEAR(c.distance_km(), 12.0, 1e-6);
  EXPECT_NEAR(Component(c, "preferred_skills"), 0.150000, 1e-9);
  EXPECT_NEAR(Component(c, "certificate"), 0.150388, 1e-9);
  EXPECT_NEAR(Component(c, "distance"), 0.197926, 1e-9);
  EXPECT_NEAR(Component(c, "welfare"), 0.040000, 1e-9);
  EXPECT_NEAR(c.score(), 0.538314, 1e-9);
  EXPECT_EQ(CheckScore(c, false), "");
  // The explanation names each component once.
  std::map<std::string, int> names;
  for (const auto& e : c.explanation()) names[e.name()]++;
  for (const auto& [name, n] : names) EXPECT_EQ(n, 1) << name;
  // The resolved vacancy shows the resolved skills and the filled-in point.
  EXPECT_THAT(r.resolved_vacancy().required_skills(), ElementsAre("LAS"));
  EXPECT_EQ(r.resolved_vacancy().start_date(), "2026-12-01");
}

struct ComponentCase {
  std::string name;
  cakap::v1::Worker worker;
  cakap::v1::Vacancy vacancy;
  const char* component;
  double expected;
};

// One component at a time, computed by hand from docs/ranking.md.
TEST_F(RankingTest, ComponentTable) {
  const LatLon here{kLat, kLon};
  std::vector<ComponentCase> cases = {
      // preferred: distinct resolved skills ("las tig" is LAS.GTAW): n = 2, h = 1.
      {"preferred_distinct", WorkerBuilder("p1").Skill("LAS.GTAW"),
       VacancyBuilder().Prefer("LAS.GTAW").Prefer("las tig").Prefer("LAS.PIPA"),
       "preferred_skills", 0.15},
      // preferred via the parent: holding LAS.SMAW means holding LAS.
      {"preferred_parent", WorkerBuilder("p2").Skill("LAS.SMAW"),
       VacancyBuilder().Prefer("LAS").Prefer("K3").Prefer("MSK"), "preferred_skills", 0.1},
      {"preferred_none_held", WorkerBuilder("p3").Skill("MSK"),
       VacancyBuilder().Prefer("LAS"), "preferred_skills", 0},
      // Kemnaker level 4, more than 730 days left: 0.35 * 0.85 * (0.5 + 4/18) = 0.214861.
      {"cert_kemnaker_full_validity",
       WorkerBuilder("c1").Cert(ISSUER_KEMNAKER, {"LAS"}, 4, "2026-01-01", "2029-12-31"),
       VacancyBuilder().Require("LAS").Start("2026-12-01"), "certificate", 0.214861},
      // Other issuer, level 9, expiring on the start date: 0.35 * 0.6 * 1 * 0.5 = 0.105.
      {"cert_other_expiring_on_start",
       WorkerBuilder("c2").Cert(ISSUER_OTHER, {"LAS"}, 9, "2026-01-01", "2026-12-01"),
       VacancyBuilder().Require("LAS").Start("2026-12-01"), "certificate", 0.105},
      // The best of several relevant certificates counts.
      {"cert_best_of_two",
       WorkerBuilder("c3")
           .Cert(ISSUER_OTHER, {"LAS"}, 9, "2026-01-01", "2026-12-01")
           .Cert(ISSUER_KEMNAKER, {"LAS"}, 4, "2026-01-01", "2029-12-31"),
       VacancyBuilder().Require("LAS").Start("2026-12-01"), "certificate", 0.214861},
      // Expired certificates are not relevant.
      {"cert_expired_not_relevant",
       WorkerBuilder("c4").Cert(ISSUER_BNSP, {"LAS"}, 9, "2020-01-01", "2026-11-30"),
       VacancyBuilder().Require("LAS").Start("2026-12-01"), "certificate", 0},
      // A certificate not covering a required skill is not relevant.
      {"cert_other_skill_not_relevant",
       WorkerBuilder("c5").Skill("LAS").Cert(ISSUER_BNSP, {"MSK"}, 9, "2026-01-01",
                                               "2029-12-31"),
       VacancyBuilder().Require("LAS").Start("2026-12-01"), "certificate", 0},
      // No required skills: a certificate covering a preferred skill is relevant.
      // BNSP level 2, 365 days: 0.35 * (0.5 + 2/18) * (0.5 + 0.5 * 365/730) = 0.160417.
      {"cert_preferred_skill_relevant",
       WorkerBuilder("c6").Cert(ISSUER_BNSP, {"MSK.PASTRY"}, 2, "2026-01-01", "2027-12-01"),
       VacancyBuilder().Prefer("MSK").Start("2026-12-01"), "certificate", 0.160417},
      {"cert_not_preferred_not_relevant",
       WorkerBuilder("c7").Cert(ISSUER_BNSP, {"LAS"}, 2, "2026-01-01", "2027-12-01"),
       VacancyBuilder().Prefer("MSK").Start("2026-12-01"), "certificate", 0},
      // Neither required nor preferred skills: any certificate covering a skill.
      {"cert_no_skills_in_vacancy",
       WorkerBuilder("c8").Cert(ISSUER_BNSP, {"LAS"}, 2, "2026-01-01", "2027-12-01"),
       VacancyBuilder().Start("2026-12-01"), "certificate", 0.160417},
      // With accepted issuers, another issuer's certificate is not relevant.
      {"cert_issuer_not_accepted_not_relevant",
       WorkerBuilder("c9")
           .Cert(ISSUER_BNSP, {"LAS"}, 2, "2026-01-01", "2027-12-01")
           .Cert(ISSUER_OTHER, {"LAS"}, 9, "2026-01-01", "2029-12-01"),
       VacancyBuilder().Require("LAS").Issuer(ISSUER_BNSP).Start("2026-12-01"), "certificate",
       0.160417},
      // ...and neither is one below the minimum level.
      {"cert_below_minimum_not_relevant",
       WorkerBuilder("c10")
           .Cert(ISSUER_BNSP, {"LAS"}, 2, "2026-01-01", "2027-12-01")
           .Cert(ISSUER_BNSP, {"LAS"}, 1, "2026-01-01", "2029-12-01"),
       VacancyBuilder().Require("LAS").Issuer(ISSUER_BNSP).MinKkni(2).Start("2026-12-01"),
       "certificate", 0.160417},
      {"distance_zero", WorkerBuilder("d1").CoordsOnly(here),
       VacancyBuilder().At(here), "distance", 0.3},
      // 20 km = one half-life: 0.15.
      {"distance_half_life", WorkerBuilder("d2").CoordsOnly(PointAtDistance(kLat, kLon, 20, 77)),
       VacancyBuilder().At(here), "distance", 0.15},
      {"distance_no_place", WorkerBuilder("d3").CoordsOnly(here), VacancyBuilder(), "distance",
       0},
      {"welfare_decile_1", WorkerBuilder("f1").Decile(1), VacancyBuilder(), "welfare", 0.05},
      {"welfare_decile_10", WorkerBuilder("f2").Decile(10), VacancyBuilder(), "welfare", 0.005},
      {"welfare_none", WorkerBuilder("f3"), VacancyBuilder(), "welfare", 0},
  };
  for (const auto& c : cases) Upsert(c.worker);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const cakap::v1::Candidate got = Find(c.vacancy, c.worker.id());
    const double v = HasComponent(got, c.component) ? Component(got, c.component) : 0.0;
    EXPECT_NEAR(v, c.expected, 1e-9) << got.ShortDebugString();
    EXPECT_EQ(CheckScore(got, false), "") << got.ShortDebugString();
    if (!c.vacancy.has_location()) {
      EXPECT_EQ(got.distance_km(), -1);
    }
  }
}

// On a generated corpus: every candidate's components add up to its score exactly, each
// rounded to 6 decimals, and the order is (score desc, id asc).
TEST_F(RankingTest, ExplanationsAddUpOnCorpus) {
  ASSERT_OK_AND_ASSIGN(cakap::Lexicon lexicon, cakap::Lexicon::Builtin());
  ASSERT_OK_AND_ASSIGN(cakap::Regions regions, cakap::Regions::Builtin());
  cakap::corpus::CorpusOptions copts;
  copts.seed = 11;
  cakap::corpus::WorkerGenerator gen(regions, lexicon, copts);
  std::vector<cakap::v1::Worker> workers(800);
  for (auto& w : workers) gen.Next(&w);
  ASSERT_OK_AND_ASSIGN(cakap::BulkResult bulk, engine_->UpsertWorkers(workers));
  ASSERT_TRUE(bulk.rejected.empty());
  cakap::corpus::VacancyGenerator vgen(regions, lexicon, copts);
  int checked = 0;
  for (int i = 0; i < 30; ++i) {
    const auto cls = i % 2 ? cakap::corpus::VacancyClass::kNational
                           : cakap::corpus::VacancyClass::kRegional200;
    cakap::v1::Vacancy v = vgen.Make(cls, i);
    if (i % 3 == 0) v.clear_accepted_issuers();
    if (i % 4 == 0) v.set_include_employed(true);
    const bool exclude = i % 5 == 0;
    ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> all,
                         MatchAll(*engine_, v, MatchOpts(200, false, 0, exclude)));
    for (size_t k = 0; k < all.size(); ++k) {
      ASSERT_EQ(CheckScore(all[k], exclude), "") << all[k].ShortDebugString();
      if (k > 0) {
        const auto& a = all[k - 1];
        const auto& b = all[k];
        ASSERT_TRUE(a.score() > b.score() ||
                    (a.score() == b.score() && a.worker().id() < b.worker().id()))
            << "order broken at " << k << ": " << a.worker().id() << " " << a.score()
            << " before " << b.worker().id() << " " << b.score();
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 200) << "too few candidates to check";
}

// Equal scores: worker id ascending in byte order, across pages too.
TEST_F(RankingTest, TiesBrokenByWorkerId) {
  const std::vector<std::string> ids = {"w-1", "W-9", "W-10", "A", "a", "0", "w-01", "z"};
  for (const auto& id : ids) Upsert(WorkerBuilder(id).Skill("LAS.SMAW").Decile(4));
  Upsert(WorkerBuilder("best").Skill("LAS.SMAW").Decile(1));
  Upsert(WorkerBuilder("worst").Skill("LAS.SMAW"));
  std::vector<std::string> want = {"best", "0", "A", "W-10", "W-9", "a", "w-01", "w-1", "z",
                                   "worst"};
  const cakap::v1::Vacancy v = VacancyBuilder().Require("LAS");
  for (int page_size : {200, 3, 1}) {
    ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> all,
                         MatchAll(*engine_, v, MatchOpts(page_size)));
    EXPECT_THAT(Ids(all), ElementsAreArray(want)) << "page_size " << page_size;
  }
}

// exclude_welfare: no welfare component, and the order follows the formula without it.
TEST_F(RankingTest, ExcludeWelfare) {
  const LatLon here{kLat, kLon};
  // poor: 10 km, decile 1; near: 9 km, no decile. With welfare poor ranks first
  // (0.212132 + 0.05 > 0.219613); without, near does.
  Upsert(WorkerBuilder("poor").CoordsOnly(PointAtDistance(kLat, kLon, 10, 0)).Skill("LAS")
             .Decile(1));
  Upsert(WorkerBuilder("near").CoordsOnly(PointAtDistance(kLat, kLon, 9, 180)).Skill("LAS"));
  const cakap::v1::Vacancy v = VacancyBuilder().Require("LAS").At(here).Radius(30);
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult with, engine_->Match(v, MatchOpts(10)));
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult without,
                       engine_->Match(v, MatchOpts(10, false, 0, true)));
  EXPECT_THAT(CandidateIds(with.candidates()), ElementsAre("poor", "near"));
  EXPECT_THAT(CandidateIds(without.candidates()), ElementsAre("near", "poor"));
  ASSERT_EQ(with.candidates_size(), 2);
  ASSERT_EQ(without.candidates_size(), 2);
  EXPECT_NEAR(with.candidates(0).score(), 0.212132 + 0.05, 1e-9);
  EXPECT_NEAR(without.candidates(1).score(), 0.212132, 1e-9);
  EXPECT_NEAR(without.candidates(0).score(), 0.219613, 1e-9);
  for (const auto& c : without.candidates()) {
    EXPECT_FALSE(HasComponent(c, "welfare")) << c.ShortDebugString();
    EXPECT_EQ(CheckScore(c, true), "");
  }
  EXPECT_TRUE(HasComponent(with.candidates(0), "welfare"));
  // MatchVacancies takes the same flag.
  ASSERT_OK(engine_->UpsertVacancy(VacancyBuilder("v1").Require("LAS").At(here).Radius(30)
                                       .Open()));
  ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult rv,
                       engine_->MatchVacancies("poor", 10, /*exclude_welfare=*/true));
  ASSERT_EQ(rv.vacancies_size(), 1);
  EXPECT_NEAR(rv.vacancies(0).score(), 0.212132, 1e-9);
  for (const auto& e : rv.vacancies(0).explanation()) EXPECT_NE(e.name(), "welfare");
}

// The score of a (worker, vacancy) pair does not depend on the corpus.
TEST_F(RankingTest, ScoreIndependentOfCorpusSize) {
  const LatLon home = PointAtDistance(kLat, kLon, 7.5, 30);
  const cakap::v1::Worker probe =
      WorkerBuilder("zz-probe")
          .Region("63.11")
          .At(home)
          .Skills({"LAS.SMAW", "LAS.PIPA", "K3", "pengalaman kapal tongkang"})
          .Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-01-10", "2027-03-01", "Juru Las 3G")
          .Cert(ISSUER_KEMNAKER, {"K3.P3K"}, 2, "2024-05-05")
          .Training("Operator Pemeliharaan Kapal", "BLKI Banjarmasin", "perkapalan")
          .Decile(5);
  const std::vector<cakap::v1::Vacancy> vacancies = {
      VacancyBuilder().Require("LAS").Prefer("LAS.PIPA").Prefer("LAS.GTAW").Region("63.11")
          .Radius(50).Issuer(ISSUER_BNSP).Start("2026-12-01"),
      VacancyBuilder().Require("LAS").Prefer("K3.P3K").Start("2027-01-15"),
      VacancyBuilder().Require("LAS").Keywords("kapal").At(home).Radius(5),
      VacancyBuilder().Prefer("K3").Prefer("LAS.SMAW").InRegion("63"),
  };
  // Engine 1: the probe alone.
  Upsert(probe);
  std::vector<cakap::v1::Candidate> alone;
  for (const auto& v : vacancies) alone.push_back(Find(v, probe.id()));
  // Engine 2: the probe among 3000 generated workers.
  TempDir dir2;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> big, OpenEngine(dir2.path()));
  ASSERT_OK_AND_ASSIGN(cakap::Lexicon lexicon, cakap::Lexicon::Builtin());
  ASSERT_OK_AND_ASSIGN(cakap::Regions regions, cakap::Regions::Builtin());
  cakap::corpus::CorpusOptions copts;
  copts.seed = 5;
  cakap::corpus::WorkerGenerator gen(regions, lexicon, copts);
  std::vector<cakap::v1::Worker> workers(3000);
  for (auto& w : workers) gen.Next(&w);
  workers.push_back(probe);
  ASSERT_OK_AND_ASSIGN(cakap::BulkResult bulk, big->UpsertWorkers(workers));
  ASSERT_TRUE(bulk.rejected.empty());
  for (size_t i = 0; i < vacancies.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> all,
                         MatchAll(*big, vacancies[i], MatchOpts(200)));
    const cakap::v1::Candidate* found = nullptr;
    for (const auto& c : all) {
      if (c.worker().id() == probe.id()) found = &c;
    }
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->score(), alone[i].score());
    EXPECT_EQ(found->distance_km(), alone[i].distance_km());
    ASSERT_EQ(found->explanation_size(), alone[i].explanation_size());
    for (int k = 0; k < found->explanation_size(); ++k) {
      EXPECT_EQ(found->explanation(k).name(), alone[i].explanation(k).name());
      EXPECT_EQ(found->explanation(k).value(), alone[i].explanation(k).value());
    }
  }
}

}  // namespace
}  // namespace cakap_test
