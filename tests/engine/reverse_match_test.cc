// Reverse matching: Engine::MatchVacancies returns exactly the open stored vacancies a
// worker satisfies, with the score Match would give, ordered by score desc, vacancy id asc.
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "corpus.h"
#include "reference/reference_matcher.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
using namespace cakap_ref;  // NOLINT: the oracle's types read best unqualified here
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using cakap::v1::ISSUER_BNSP;

constexpr double kLat = -0.43333;  // Samarinda (64.72)
constexpr double kLon = 117.18333;

std::vector<std::string> HitIds(const cakap::v1::VacancyMatchResult& r) {
  std::vector<std::string> ids;
  for (const auto& h : r.vacancies()) ids.push_back(h.vacancy().id());
  return ids;
}

class ReverseMatchTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path())); }

  // The score Match gives `worker_id` for `v`, or -1 when it is not a candidate.
  double MatchScore(const cakap::v1::Vacancy& v, const std::string& worker_id,
                    bool exclude_welfare = false) {
    absl::StatusOr<std::vector<cakap::v1::Candidate>> all =
        MatchAll(*engine_, v, MatchOpts(200, false, 0, exclude_welfare));
    EXPECT_OK(all);
    if (!all.ok()) return -2;
    for (const auto& c : *all) {
      if (c.worker().id() == worker_id) return c.score();
    }
    return -1;
  }

  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
};

TEST_F(ReverseMatchTest, OpenSatisfiedVacanciesRankedLikeMatch) {
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("welder")
                                      .Region("64.72")
                                      .At(PointAtDistance(kLat, kLon, 3, 45))
                                      .Skills({"LAS.SMAW", "K3"})
                                      .Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-01-01",
                                            "2028-01-01")
                                      .Decile(2)));
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("cook").Region("64.72").Skill("MSK")));
  const std::vector<cakap::v1::Vacancy> vacancies = {
      // Satisfied, different scores.
      VacancyBuilder("v-near").Require("LAS").At(kLat, kLon).Radius(20).Open(),
      VacancyBuilder("v-far").Require("LAS").At(PointAtDistance(kLat, kLon, 40, 0)).Open(),
      VacancyBuilder("v-pref").Require("LAS").Prefer("K3").Prefer("LAS.SMAW").Open(),
      VacancyBuilder("v-cert").Require("LAS.SMAW").Issuer(ISSUER_BNSP).MinKkni(3).Open(),
      VacancyBuilder("v-region").Require("LAS").InRegion("64").Open(),
      VacancyBuilder("v-none").Open(),  // no requirement at all
      // Ties: identical requirements, ids out of order.
      VacancyBuilder("v-tie-b").Require("K3").Open(),
      VacancyBuilder("v-tie-a").Require("K3").Open(),
      VacancyBuilder("v-tie-c").Require("K3").Open(),
      // Not satisfied.
      VacancyBuilder("x-skill").Require("LAS.GTAW").Open(),
      VacancyBuilder("x-kkni").Require("LAS").Issuer(ISSUER_BNSP).MinKkni(4).Open(),
      VacancyBuilder("x-radius").Require("LAS").Region("63.11").Radius(100).Open(),
      VacancyBuilder("x-region").Require("LAS").InRegion("63").Open(),
      VacancyBuilder("x-expired").Require("LAS").Issuer(ISSUER_BNSP).Start("2028-01-02")
          .Open(),
      // Satisfied but closed, or deleted below.
      VacancyBuilder("c-closed").Require("LAS").Open(false),
      VacancyBuilder("c-deleted").Require("LAS").Open(),
  };
  for (const auto& v : vacancies) ASSERT_OK(engine_->UpsertVacancy(v)) << v.id();
  ASSERT_OK(engine_->DeleteVacancy("c-deleted"));

  ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult r, engine_->MatchVacancies("welder", 100));
  std::vector<std::pair<double, std::string>> want;
  for (const auto& v : vacancies) {
    if (!v.open() || v.id() == "c-deleted") continue;
    const double s = MatchScore(v, "welder");
    if (s >= 0) want.emplace_back(-s, v.id());
  }
  std::sort(want.begin(), want.end());
  std::vector<std::string> want_ids;
  for (const auto& [s, id] : want) want_ids.push_back(id);
  EXPECT_THAT(want_ids, ::testing::UnorderedElementsAre("v-near", "v-far", "v-pref", "v-cert",
                                                        "v-region", "v-none", "v-tie-a",
                                                        "v-tie-b", "v-tie-c"));
  EXPECT_THAT(HitIds(r), ::testing::ElementsAreArray(want_ids));
  EXPECT_EQ(r.total(), static_cast<int64_t>(want_ids.size()));
  for (int i = 0; i < r.vacancies_size() && i < static_cast<int>(want.size()); ++i) {
    const auto& hit = r.vacancies(i);
    EXPECT_NEAR(hit.score(), -want[i].first, 1e-9) << hit.vacancy().id();
    double sum = 0;
    for (const auto& e : hit.explanation()) sum += e.value();
    EXPECT_NEAR(sum, hit.score(), 1e-9) << hit.vacancy().id();
    if (hit.vacancy().has_location() &&
        (hit.vacancy().location().has_coordinates() ||
         !hit.vacancy().location().region_code().empty())) {
      EXPECT_GE(hit.distance_km(), 0) << hit.vacancy().id();
    } else {
      EXPECT_EQ(hit.distance_km(), -1) << hit.vacancy().id();
    }
  }
  // The tie is broken by vacancy id.
  std::vector<std::string> ties;
  for (const auto& id : HitIds(r)) {
    if (id.rfind("v-tie-", 0) == 0) ties.push_back(id);
  }
  EXPECT_THAT(ties, ElementsAre("v-tie-a", "v-tie-b", "v-tie-c"));

  // A limit keeps the best; the total stays.
  ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult top2, engine_->MatchVacancies("welder", 2));
  EXPECT_THAT(HitIds(top2), ElementsAre(want_ids[0], want_ids[1]));
  EXPECT_EQ(top2.total(), static_cast<int64_t>(want_ids.size()));

  // The cook satisfies only the vacancy without requirements.
  ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult cook, engine_->MatchVacancies("cook", 100));
  EXPECT_THAT(HitIds(cook), ElementsAre("v-none"));

  ASSERT_OK_AND_ASSIGN(cakap::EngineStats stats, engine_->Stats());
  EXPECT_EQ(stats.vacancies, static_cast<int64_t>(vacancies.size()) - 1);
  EXPECT_EQ(stats.open_vacancies, static_cast<int64_t>(vacancies.size()) - 2);
}

TEST_F(ReverseMatchTest, OpeningClosingAndDeleting) {
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w").Skill("LAS")));
  ASSERT_OK(engine_->UpsertVacancy(VacancyBuilder("v1").Require("LAS").Open(false)));
  ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult r, engine_->MatchVacancies("w", 10));
  EXPECT_THAT(HitIds(r), IsEmpty());
  EXPECT_EQ(r.total(), 0);
  // Opened.
  ASSERT_OK(engine_->UpsertVacancy(VacancyBuilder("v1").Require("LAS").Open(true)));
  ASSERT_OK_AND_ASSIGN(r, engine_->MatchVacancies("w", 10));
  EXPECT_THAT(HitIds(r), ElementsAre("v1"));
  ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy stored, engine_->GetVacancy("v1"));
  EXPECT_TRUE(stored.open());
  EXPECT_THAT(stored.required_skills(), ElementsAre("LAS"));
  // Closed again.
  ASSERT_OK(engine_->UpsertVacancy(VacancyBuilder("v1").Require("LAS").Open(false)));
  ASSERT_OK_AND_ASSIGN(r, engine_->MatchVacancies("w", 10));
  EXPECT_THAT(HitIds(r), IsEmpty());
  // Replaced by a vacancy the worker does not satisfy.
  ASSERT_OK(engine_->UpsertVacancy(VacancyBuilder("v1").Require("MSK").Open(true)));
  ASSERT_OK_AND_ASSIGN(r, engine_->MatchVacancies("w", 10));
  EXPECT_THAT(HitIds(r), IsEmpty());
  // Deleted.
  ASSERT_OK(engine_->UpsertVacancy(VacancyBuilder("v2").Require("LAS").Open(true)));
  ASSERT_OK_AND_ASSIGN(r, engine_->MatchVacancies("w", 10));
  EXPECT_THAT(HitIds(r), ElementsAre("v2"));
  ASSERT_OK(engine_->DeleteVacancy("v2"));
  ASSERT_OK_AND_ASSIGN(r, engine_->MatchVacancies("w", 10));
  EXPECT_THAT(HitIds(r), IsEmpty());
  EXPECT_THAT(engine_->GetVacancy("v2"), StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  EXPECT_THAT(engine_->DeleteVacancy("v2"), StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  // A worker change is seen at once.
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w").Skill("MSK")));
  ASSERT_OK_AND_ASSIGN(r, engine_->MatchVacancies("w", 10));
  EXPECT_THAT(HitIds(r), ElementsAre("v1"));
}

TEST_F(ReverseMatchTest, BadArguments) {
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w").Skill("LAS")));
  EXPECT_THAT(engine_->MatchVacancies("nobody", 10),
              StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  EXPECT_THAT(engine_->MatchVacancies("w", 1001),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("limit")));
  EXPECT_OK(engine_->MatchVacancies("w", 1000));
  // A stored vacancy needs an id.
  EXPECT_THAT(engine_->UpsertVacancy(VacancyBuilder("").Require("LAS").Open()),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("id")));
}

// engine.h: "at most `limit` (1-1000) of them"; 0 is outside the documented range.
TEST_F(ReverseMatchTest, LimitZeroIsInvalid) {
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w").Skill("LAS")));
  EXPECT_THAT(engine_->MatchVacancies("w", 0),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("limit")));
  EXPECT_THAT(engine_->MatchVacancies("w", -1),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("limit")));
}

// Generated workers and vacancies: for every worker, the hits equal the reference's set of
// open vacancies it satisfies, each with Match's score, in (score desc, id asc) order.
TEST_F(ReverseMatchTest, AgreesWithReferenceOnGeneratedData) {
  ASSERT_OK_AND_ASSIGN(cakap::Lexicon lexicon, cakap::Lexicon::Builtin());
  ASSERT_OK_AND_ASSIGN(cakap::Regions regions, cakap::Regions::Builtin());
  ReferenceMatcher ref(lexicon, regions, TestOptions());
  cakap::corpus::CorpusOptions copts;
  copts.seed = 3;
  cakap::corpus::WorkerGenerator wgen(regions, lexicon, copts);
  cakap::corpus::VacancyGenerator vgen(regions, lexicon, copts);
  std::vector<cakap::v1::Worker> workers(300);
  for (auto& w : workers) wgen.Next(&w);
  ASSERT_OK_AND_ASSIGN(cakap::BulkResult bulk, engine_->UpsertWorkers(workers));
  ASSERT_TRUE(bulk.rejected.empty());
  const cakap::corpus::VacancyClass classes[] = {
      cakap::corpus::VacancyClass::kLocal50, cakap::corpus::VacancyClass::kRegional200,
      cakap::corpus::VacancyClass::kRegionCodes, cakap::corpus::VacancyClass::kNational};
  std::vector<cakap::v1::Vacancy> vacancies;
  for (int i = 0; i < 80; ++i) {
    cakap::v1::Vacancy v = vgen.Make(classes[i % 4], i);
    v.set_id(absl::StrCat("gv-", 100 + i));
    v.set_open(i % 4 != 1);
    if (i % 3 == 0) v.clear_accepted_issuers();
    if (i % 5 == 0) v.clear_required_skills();  // broad vacancies: many hits
    ASSERT_OK(engine_->UpsertVacancy(v)) << v.ShortDebugString();
    vacancies.push_back(v);
  }
  std::vector<RefVacancy> resolved;
  for (const auto& v : vacancies) {
    ASSERT_OK_AND_ASSIGN(RefVacancy rv, ref.ResolveVacancy(v));
    resolved.push_back(rv);
  }
  int hits = 0;
  for (size_t w = 0; w < workers.size(); w += 10) {
    SCOPED_TRACE(workers[w].id());
    ASSERT_OK_AND_ASSIGN(RefWorker rw, ref.ResolveWorker(workers[w]));
    const bool exclude = w % 20 == 0;
    std::vector<std::pair<int64_t, std::string>> want;
    for (size_t i = 0; i < vacancies.size(); ++i) {
      if (!vacancies[i].open()) continue;
      RefEvaluation e = ref.Evaluate(rw, resolved[i], exclude);
      if (e.candidate()) want.emplace_back(-e.score_micro, vacancies[i].id());
    }
    std::sort(want.begin(), want.end());
    ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult r,
                         engine_->MatchVacancies(workers[w].id(), 1000, exclude));
    std::vector<std::string> want_ids;
    for (const auto& [s, id] : want) want_ids.push_back(id);
    EXPECT_THAT(HitIds(r), ::testing::ElementsAreArray(want_ids));
    EXPECT_EQ(r.total(), static_cast<int64_t>(want.size()));
    for (int i = 0; i < r.vacancies_size() && i < static_cast<int>(want.size()); ++i) {
      EXPECT_NEAR(r.vacancies(i).score(), -want[i].first / 1e6, 1.5e-6)
          << r.vacancies(i).vacancy().id();
    }
    hits += r.vacancies_size();
  }
  EXPECT_GT(hits, 10) << "the generated data exercises too little";
}

}  // namespace
}  // namespace cakap_test
